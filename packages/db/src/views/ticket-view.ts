import { canSeeInternalTicketData, type TicketAccess, type Viewer } from "@switchboard/auth";
import { ticketPublicId, type CustomerTicketView, type StaffTicketEventData, type StaffTicketView, type TicketView } from "@switchboard/contracts";
import type { Ticket } from "../generated/prisma/client";
import { attachmentsOf } from "./attachment-view";
import { toTicketActivityView, type TicketActivityRow } from "./ticket-activity-view";

type Named = { name: string } | null | undefined;

export type TicketRow = Ticket & {
  customer?: Named;
  createdBy?: Named;
  assignee?: Named;
  office?: Named;
  activities?: TicketActivityRow[];
};

/** What every ticket read loads with the row: the names its views show. */
export const ticketNames = {
  customer: { select: { name: true } },
  createdBy: { select: { name: true } },
  assignee: { select: { name: true } },
  office: { select: { name: true } }
} as const;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function ticketAccessOf(row: Pick<Ticket, "organizationId" | "officeId" | "customerId" | "assigneeId" | "createdById">): TicketAccess {
  return { orgId: row.organizationId, officeId: row.officeId, customerId: row.customerId, assigneeId: row.assigneeId, createdById: row.createdById };
}

/** The one mapping from a ticket row to what staff see (pages, REST, events). */
function toStaffTicketView(row: TicketRow): StaffTicketView {
  return {
    view: "staff",
    id: row.id,
    number: row.number,
    publicId: ticketPublicId(row.number),
    subject: row.subject,
    body: row.body,
    status: row.status,
    priority: row.priority,
    category: row.category,
    customerId: row.customerId,
    customerName: row.customer?.name ?? "",
    createdById: row.createdById,
    createdByName: row.createdBy?.name ?? "",
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? (row.assignee?.name ?? null) : null,
    officeId: row.officeId,
    officeName: row.officeId ? (row.office?.name ?? null) : null,
    callId: row.callId,
    slaDueAt: row.slaDueAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastCustomerReplyAt: iso(row.lastCustomerReplyAt),
    attachments: attachmentsOf(row.attachments)
  };
}

/** What a customer sees of their own ticket. */
function toCustomerTicketView(row: TicketRow): CustomerTicketView {
  return {
    view: "customer",
    id: row.id,
    number: row.number,
    publicId: ticketPublicId(row.number),
    subject: row.subject,
    body: row.body,
    status: row.status,
    category: row.category,
    customerId: row.customerId,
    customerName: row.customer?.name ?? "",
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    attachments: attachmentsOf(row.attachments)
  };
}

/** The ticket as this viewer may see it (the caller has checked that they may read it at all). */
export function toTicketViewFor(viewer: Viewer, row: TicketRow): TicketView {
  return canSeeInternalTicketData(viewer) ? toStaffTicketView(row) : toCustomerTicketView(row);
}

/**
 * A ticket event's data: the staff view plus the audit row this change wrote. The hook loads the
 * newest activity row; it belongs to this change only when its revision is the ticket's new version.
 */
export function toTicketEventData(row: TicketRow): StaffTicketEventData {
  const latest = row.activities?.[0];
  return { ...toStaffTicketView(row), activity: latest && latest.revision === row.version ? toTicketActivityView(latest) : null };
}
