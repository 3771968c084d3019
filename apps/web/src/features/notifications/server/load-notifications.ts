import "server-only";
import type { NotificationView, Page } from "@switchboard/contracts";
import { countUnreadNotifications, listNotifications } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export const NOTIFICATIONS_PAGE_SIZE = 50;

export interface NotificationsPageData {
  seq: number;
  page: Page<NotificationView> & { unread: number };
}

/** The viewer's inbox page with the event seq it reflects, so live entries continue from there. */
export async function loadNotificationsPage(viewer: Viewer, page: number): Promise<NotificationsPageData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, () => listNotifications(services, viewer, { page, pageSize: NOTIFICATIONS_PAGE_SIZE }));
  return { seq, page: data };
}

/** The header badge: unread entries as of `seq`. */
export async function loadUnreadBadge(viewer: Viewer): Promise<{ seq: number; unread: number }> {
  const { seq, data } = await readSnapshot(viewer.orgId, () => countUnreadNotifications(getRuntime().services, viewer));
  return { seq, unread: data };
}
