import { z } from "zod";
import type { NotificationView, Page } from "@switchboard/contracts";
import type { Prisma } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { notificationIncludes, toNotificationView } from "../views/ticket-notification-view";
import type { ServiceDeps } from "./extensions";
import { notFound } from "./errors";
import { optionalBoolParam } from "./list-query";
import { actorOf, type ActingViewer } from "./viewer";

export const notificationListQuerySchema = z.object({
  unread: optionalBoolParam,
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(100, "pageSize must be at most 100").default(20)
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

/** The viewer's inbox, newest first, with the number of unread entries (the badge). */
export async function listNotifications(
  { db }: ServiceDeps,
  viewer: ActingViewer,
  q: NotificationListQuery
): Promise<Page<NotificationView> & { unread: number }> {
  const mine: Prisma.NotificationWhereInput = { organizationId: viewer.orgId, userId: viewer.id };
  const where: Prisma.NotificationWhereInput = { ...mine, ...(q.unread === true ? { readAt: null } : q.unread === false ? { readAt: { not: null } } : {}) };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      include: notificationIncludes,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize
    }),
    db.notification.count({ where }),
    db.notification.count({ where: { ...mine, readAt: null } })
  ]);
  return { data: rows.map(toNotificationView), page: q.page, pageSize: q.pageSize, total, unread };
}

export async function countUnreadNotifications({ db }: ServiceDeps, viewer: ActingViewer): Promise<number> {
  return db.notification.count({ where: { organizationId: viewer.orgId, userId: viewer.id, readAt: null } });
}

/** Marks one of the viewer's notifications read (already read: unchanged, no event). Others' are not_found. */
export async function markNotificationRead({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<NotificationView> {
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const row = await tx.notification.findFirst({ where: { id, organizationId: viewer.orgId, userId: viewer.id }, include: notificationIncludes });
      if (!row) throw notFound("notification");
      if (row.readAt) return toNotificationView(row);
      return toNotificationView(await tx.notification.update({ where: { id }, data: { readAt: new Date() }, include: notificationIncludes }));
    })
  );
}

/** Marks every unread notification of the viewer read; each one is announced (other tabs clear it). */
export async function markAllNotificationsRead({ db }: ServiceDeps, viewer: ActingViewer): Promise<{ count: number }> {
  // Prisma queries are lazy: awaiting inside withActor runs this one while the actor is set.
  return withActor(actorOf(viewer), async () => {
    const { count } = await db.notification.updateMany({
      where: { organizationId: viewer.orgId, userId: viewer.id, readAt: null },
      data: { readAt: new Date() }
    });
    return { count };
  });
}
