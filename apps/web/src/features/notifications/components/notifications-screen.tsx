import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadNotificationsPage, NOTIFICATIONS_PAGE_SIZE } from "../server/load-notifications";
import { NotificationsView } from "./notifications-view";

export async function NotificationsScreen({ viewer, page }: { viewer: Viewer; page: number }) {
  const { seq, page: data } = await loadNotificationsPage(viewer, page);
  return (
    <>
      <PageHeader title="Notifications" description="Assignments to you, replies on your tickets and mentions. New ones arrive here live." />
      <NotificationsView
        seq={seq}
        rows={data.data}
        unread={data.unread}
        page={data.page}
        pageCount={Math.max(1, Math.ceil(data.total / NOTIFICATIONS_PAGE_SIZE))}
      />
    </>
  );
}
