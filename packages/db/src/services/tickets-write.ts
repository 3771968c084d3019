import { canSeeInternalTicketData, type Viewer } from "@switchboard/auth";
import type { TicketDetail } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Prisma, TicketActivityKind } from "../generated/prisma/client";
import { toTicketActivityView } from "../views/ticket-activity-view";
import { replyAuthor, toTicketReplyView } from "../views/ticket-reply-view";
import { ticketNames, toTicketViewFor, type TicketRow } from "../views/ticket-view";
import type { TicketViewer } from "./tickets-access";

/** Activity kinds the customer never sees (who handles the ticket, how urgent staff think it is). */
const INTERNAL_KINDS: ReadonlySet<TicketActivityKind> = new Set(["assigned", "priority_changed", "office_changed"]);

export interface ActivityInput {
  kind: TicketActivityKind;
  from: string | null;
  to: string | null;
  fromLabel?: string | null;
  toLabel?: string | null;
}

/**
 * One change to a ticket: the update, the next version and its audit row, in one write. The
 * Ticket hook turns it into exactly one event (typed by what changed) carrying that audit row.
 * The caller holds the row lock (readableTicket with lock), so `current.version` is current.
 */
export async function writeChange(
  db: DbClient,
  actor: TicketViewer,
  current: TicketRow,
  data: Prisma.TicketUncheckedUpdateInput,
  activity: ActivityInput
): Promise<TicketRow> {
  const version = current.version + 1;
  return db.ticket.update({
    where: { id: current.id },
    data: {
      ...data,
      version,
      activities: {
        create: {
          organizationId: current.organizationId,
          actorId: actor.id,
          kind: activity.kind,
          fromValue: activity.from,
          toValue: activity.to,
          fromLabel: activity.fromLabel ?? activity.from,
          toLabel: activity.toLabel ?? activity.to,
          internal: INTERNAL_KINDS.has(activity.kind),
          revision: version
        }
      }
    },
    include: ticketNames
  });
}

/** The ticket with the replies and activity this viewer may see (the caller checked that they may read it). */
export async function loadTicketDetail(db: DbClient, viewer: Viewer, row: TicketRow): Promise<TicketDetail> {
  const staff = canSeeInternalTicketData(viewer);
  // One after the other: inside a transaction both would queue on the same connection anyway.
  const replies = await db.ticketReply.findMany({
    where: { ticketId: row.id, ...(staff ? {} : { internal: false }) },
    include: replyAuthor,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }]
  });
  const activity = await db.ticketActivity.findMany({
    where: { ticketId: row.id, ...(staff ? {} : { internal: false }) },
    include: { actor: { select: { name: true } } },
    orderBy: { id: "asc" }
  });
  return { ticket: toTicketViewFor(viewer, row), replies: replies.map(toTicketReplyView), activity: activity.map(toTicketActivityView) };
}
