import {
  canAssignTicket,
  canBeAssigned,
  canChangeTicketOffice,
  canChangeTicketPriority,
  canChangeTicketStatus,
  RULES,
  TICKET_FIELD_DENIALS
} from "@switchboard/auth";
import { slaDueAt, ticketPublicId, type TicketChangeInput, type TicketDetail, type TicketPriority, type TicketStatus } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { ticketAccessOf, type TicketRow } from "../views/ticket-view";
import type { ServiceDeps } from "./extensions";
import { badRequest, conflict, DomainError, enforce } from "./errors";
import { orgMember, readableTicket, withOffices, type TicketViewer } from "./tickets-access";
import { notify } from "./tickets-notify";
import { loadTicketDetail, writeChange } from "./tickets-write";
import { assertVersion, type VersionedSubject } from "./versioned";
import { actorOf, type ActingViewer } from "./viewer";
import { organizationSlaHours } from "./organizations";

/** Tickets are versioned: a change based on an older version is refused (G8). */
const VERSIONED_TICKET: VersionedSubject = {
  what: "ticket",
  kind: "ticket",
  changeTypes: ["ticket.updated", "ticket.status_changed", "ticket.assigned"]
};

function deny(field: Exclude<keyof TicketChangeInput, "version">): DomainError {
  const message = TICKET_FIELD_DENIALS[field];
  return new DomainError("forbidden", message, { [field]: message });
}

/** Timestamps that follow the status: resolved/closed get theirs, reopening clears both. */
function statusStamps(row: TicketRow, status: TicketStatus, now: Date) {
  if (status === "resolved") return { resolvedAt: now, closedAt: null };
  if (status === "closed") return { resolvedAt: row.resolvedAt ?? now, closedAt: now };
  return { resolvedAt: null, closedAt: null };
}

export async function setStatus(db: DbClient, actor: TicketViewer, row: TicketRow, status: TicketStatus): Promise<TicketRow> {
  if (row.status === status) return row;
  return writeChange(db, actor, row, { status, ...statusStamps(row, status, new Date()) }, { kind: "status_changed", from: row.status, to: status });
}

async function setPriority(db: DbClient, actor: TicketViewer, row: TicketRow, priority: TicketPriority): Promise<TicketRow> {
  if (row.priority === priority) return row;
  const due = slaDueAt(row.createdAt, priority, await organizationSlaHours(db, row.organizationId));
  return writeChange(db, actor, row, { priority, slaDueAt: due }, { kind: "priority_changed", from: row.priority, to: priority });
}

async function setOffice(db: DbClient, actor: TicketViewer, row: TicketRow, officeId: string | null): Promise<TicketRow> {
  if (row.officeId === officeId) return row;
  const office = officeId ? await db.office.findFirst({ where: { id: officeId, organizationId: row.organizationId }, select: { name: true } }) : null;
  if (officeId && !office) throw badRequest("office does not exist in your organization", { officeId: "no such office in your organization" });
  let next = await writeChange(
    db,
    actor,
    row,
    { officeId },
    { kind: "office_changed", from: row.officeId, to: officeId, fromLabel: row.office?.name ?? null, toLabel: office?.name ?? null }
  );
  // An assignee who does not belong to the new office can no longer hold the ticket.
  if (next.assigneeId) {
    const assignee = await orgMember(db, next.organizationId, next.assigneeId);
    if (!assignee || !canBeAssigned(assignee, ticketAccessOf(next))) next = await setAssignee(db, actor, next, null);
  }
  return next;
}

async function setAssignee(db: DbClient, actor: TicketViewer, row: TicketRow, assigneeId: string | null): Promise<TicketRow> {
  if (row.assigneeId === assigneeId) return row;
  const assignee = assigneeId ? await orgMember(db, row.organizationId, assigneeId) : null;
  if (assigneeId) {
    if (!assignee || assignee.role === "customer")
      throw badRequest("the assignee must be staff of your organization", { assigneeId: "not a staff member of your organization" });
    if (assignee.deactivated)
      throw badRequest(`${assignee.name} is deactivated and cannot be assigned tickets`, { assigneeId: `${assignee.name} is deactivated` });
    if (!canBeAssigned(assignee, ticketAccessOf(row)))
      throw badRequest("the assignee must belong to the ticket's office", { assigneeId: "not a member of the ticket's office" });
  }
  const next = await writeChange(
    db,
    actor,
    row,
    { assigneeId },
    { kind: "assigned", from: row.assigneeId, to: assigneeId, fromLabel: row.assignee?.name ?? null, toLabel: assignee?.name ?? null }
  );
  if (assigneeId) await notify(db, actor, next, [{ userId: assigneeId, kind: "assignment", excerpt: next.subject }]);
  return next;
}

/**
 * Applies a change set to a ticket, each present field as its own checked, recorded and announced
 * change, all in one transaction (all or nothing). Order: reopening first (a closed ticket takes
 * no other change), then office, assignee (checked against the new office), priority, status.
 * With `version`, the whole change is refused if the ticket moved on since that version.
 */
export async function updateTicket(deps: ServiceDeps, viewer: ActingViewer, id: string, change: TicketChangeInput): Promise<TicketDetail> {
  enforce(RULES.changeTickets, viewer);
  return withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const db = tx as unknown as DbClient;
      const actor = await withOffices(db, viewer);
      let row = await readableTicket(db, actor, id, { lock: true });
      await assertVersion(db, VERSIONED_TICKET, row, ticketPublicId(row.number), change.version);
      const access = ticketAccessOf(row);
      if (change.status !== undefined && !canChangeTicketStatus(actor, access)) throw deny("status");
      if (change.priority !== undefined && !canChangeTicketPriority(actor, access)) throw deny("priority");
      if (change.officeId !== undefined && !canChangeTicketOffice(actor, access)) throw deny("officeId");
      if (change.assigneeId !== undefined && !canAssignTicket(actor, access)) throw deny("assigneeId");

      const reopens = row.status === "closed" && change.status !== undefined && change.status !== "closed";
      if (reopens && change.status) row = await setStatus(db, actor, row, change.status);
      const others = change.officeId !== undefined || change.assigneeId !== undefined || change.priority !== undefined;
      if (row.status === "closed" && others) throw conflict("status", "the ticket is closed; reopen it before changing it");
      if (change.officeId !== undefined) row = await setOffice(db, actor, row, change.officeId);
      if (change.assigneeId !== undefined) row = await setAssignee(db, actor, row, change.assigneeId);
      if (change.priority !== undefined) row = await setPriority(db, actor, row, change.priority);
      if (change.status !== undefined && !reopens) row = await setStatus(db, actor, row, change.status);
      // The viewer could read it when they changed it; they see the outcome even if it left their scope.
      return loadTicketDetail(db, actor, row);
    })
  );
}
