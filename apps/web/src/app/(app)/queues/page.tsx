import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { QueuesScreen } from "@/features/queues/components/queues-screen";

export const metadata: Metadata = { title: "Queues" };

export default async function QueuesPage() {
  return <QueuesScreen viewer={await requireViewer()} />;
}
