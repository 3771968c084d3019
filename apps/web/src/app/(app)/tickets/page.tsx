import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { TicketsScreen } from "@/features/tickets/components/tickets-screen";
import { readTicketListParams } from "@/features/tickets/ticket-list-params";

export const metadata: Metadata = { title: "Tickets" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <TicketsScreen viewer={await requireViewer()} params={readTicketListParams(await searchParams)} />;
}
