import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { NotificationsScreen } from "@/features/notifications/components/notifications-screen";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const { page } = await searchParams;
  const number = typeof page === "string" && /^\d{1,6}$/.test(page) && Number(page) > 0 ? Number(page) : 1;
  return <NotificationsScreen viewer={await requireViewer()} page={number} />;
}
