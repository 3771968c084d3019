import "server-only";
import { cache } from "react";
import { canReadCalls, canSeeInternalTicketData } from "@switchboard/auth";
import type { CannedReplyView, OfficeView, TicketDetail } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { getTicket, listCannedReplies, listMentionableStaff, listOffices, listOrgStaff, parseId, type MentionCandidate } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import { loadCallSummary, type CallSummary } from "./load-call";

export interface TicketPageData {
  seq: number;
  detail: TicketDetail;
  offices: OfficeView[];
  staff: UserOption[];
  call: CallSummary | null;
  mentionables: MentionCandidate[];
  cannedReplies: CannedReplyView[];
}

/**
 * The ticket as the viewer may see it, with the seq it reflects; null when it does not exist for
 * them. Cached per request: the page and its title share one read.
 */
export const loadTicketPage = cache(async (viewer: Viewer, id: string): Promise<TicketPageData | null> => {
  const { services, db } = getRuntime();
  let snapshot: { seq: number; data: TicketDetail };
  try {
    const ticketId = parseId(id, "ticket");
    snapshot = await readSnapshot(viewer.orgId, () => getTicket(services, viewer, ticketId));
  } catch (error) {
    if (asDomainError(error)?.code === "not_found") return null;
    throw error;
  }
  const ticket = snapshot.data.ticket;
  if (!canSeeInternalTicketData(viewer) || ticket.view !== "staff")
    return { seq: snapshot.seq, detail: snapshot.data, offices: [], staff: [], call: null, mentionables: [], cannedReplies: [] };
  const [offices, staff, call, mentionables, cannedReplies] = await Promise.all([
    listOffices(services, viewer),
    listOrgStaff(db, viewer),
    ticket.callId && canReadCalls(viewer) ? loadCallSummary(viewer, ticket.callId) : Promise.resolve(null),
    listMentionableStaff(services, viewer, ticket.id),
    listCannedReplies(services, viewer)
  ]);
  return { seq: snapshot.seq, detail: snapshot.data, offices, staff, call, mentionables, cannedReplies };
});
