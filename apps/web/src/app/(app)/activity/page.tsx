import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ActivityScreen } from "@/features/activity/components/activity-screen";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ActivityScreen viewer={await requireViewer()} searchParams={await searchParams} />;
}
