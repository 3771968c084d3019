import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { DashboardView } from "@/features/dashboard/components/dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  return <DashboardView viewer={await requireViewer()} />;
}
