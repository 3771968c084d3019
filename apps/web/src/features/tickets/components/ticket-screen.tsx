import { notFound } from "next/navigation";
import { canChangeTicketOffice, canSeeInternalTicketData } from "@switchboard/auth";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadTicketPage } from "../server/load-ticket";
import { TicketThreadView } from "./ticket-thread-view";

export async function TicketScreen({ viewer, id }: { viewer: Viewer; id: string }) {
  const data = await loadTicketPage(viewer, id);
  if (!data) notFound();
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
    />
  );
}
