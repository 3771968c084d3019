import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { NewTicketScreen } from "@/features/tickets/components/new-ticket-screen";

export const metadata: Metadata = { title: "New ticket" };

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<{ callId?: string | string[] }> }) {
  const { callId } = await searchParams;
  return <NewTicketScreen viewer={await requireViewer()} callId={typeof callId === "string" && callId ? callId : null} />;
}
