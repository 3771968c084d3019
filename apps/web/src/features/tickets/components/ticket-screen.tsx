import { notFound } from "next/navigation";
import { canChangeTicketOffice, canSeeInternalTicketData } from "@switchboard/auth";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadTicketPage } from "../server/load-ticket";
import { loadTicketNeighbors } from "../server/load-ticket-neighbors";
import type { TicketListParams } from "../ticket-list-params";
import { TicketThreadView } from "./ticket-thread-view";

/** A ticket's page; `list`: the list it was opened from (its URL's parameters), which j and k step through. */
export async function TicketScreen({ viewer, id, list }: { viewer: Viewer; id: string; list: TicketListParams }) {
  const data = await loadTicketPage(viewer, id);
  if (!data) notFound();
  const neighbors = await loadTicketNeighbors(viewer, data.detail.ticket.id, list);
  const { ticket } = data.detail;
  const staffView = canSeeInternalTicketData(viewer);
  const canChangeOffice =
    ticket.view === "staff" &&
    canChangeTicketOffice(viewer, {
      orgId: viewer.orgId,
      officeId: ticket.officeId,
      customerId: ticket.customerId,
      assigneeId: ticket.assigneeId,
      createdById: ticket.createdById
    });
  return (
    <TicketThreadView
      key={ticket.id}
      viewerId={viewer.id}
      viewerName={viewer.name}
      staffView={staffView}
      canChangeOffice={canChangeOffice}
      seq={data.seq}
      detail={data.detail}
      offices={data.offices}
      staff={data.staff}
      call={data.call}
      mentionables={data.mentionables}
      cannedReplies={data.cannedReplies}
      neighbors={neighbors}
    />
  );
}
