import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { TicketScreen } from "@/features/tickets/components/ticket-screen";

export const metadata: Metadata = { title: "Ticket" };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TicketScreen viewer={await requireViewer()} id={id} />;
}
