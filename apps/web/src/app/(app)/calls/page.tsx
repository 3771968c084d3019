import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { CallsScreen } from "@/features/calls/components/calls-screen";
import { readRecentParams } from "@/features/calls/server/load-calls";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <CallsScreen viewer={await requireViewer()} params={readRecentParams(await searchParams)} />;
}
