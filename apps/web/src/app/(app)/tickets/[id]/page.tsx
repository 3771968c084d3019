import type { Metadata } from "next";
import { findViewer, requireViewer } from "@/features/auth/server/require-viewer";
import { TicketScreen } from "@/features/tickets/components/ticket-screen";
import { loadTicketPage } from "@/features/tickets/server/load-ticket";
import { readTicketListParams } from "@/features/tickets/ticket-list-params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await findViewer();
  const data = viewer ? await loadTicketPage(viewer, (await params).id) : null;
  return { title: data ? `${data.detail.ticket.publicId} · ${data.detail.ticket.subject}` : "Ticket" };
}

export default async function TicketPage({ params, searchParams }: Props) {
  const { id } = await params;
  return <TicketScreen viewer={await requireViewer()} id={id} list={readTicketListParams(await searchParams)} />;
}
