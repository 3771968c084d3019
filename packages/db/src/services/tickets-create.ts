import { canBeAssigned, canOpenTicketOnBehalf, RULES, TICKET_FIELD_DENIALS } from "@switchboard/auth";
import { slaDueAt, STAFF_ONLY_CREATE_FIELDS, type TicketCreateInput, type TicketDetail } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { ticketNames } from "../views/ticket-view";
import type { ServiceDeps } from "./extensions";
import { badRequest, DomainError, enforce } from "./errors";
import { orgMember, withOffices } from "./tickets-access";
import { attachmentMetadata, storeAttachments, withIds } from "./tickets-attachments";
import { notify } from "./tickets-notify";
import { loadTicketDetail } from "./tickets-write";
import { organizationSlaHours } from "./organizations";
import { actorOf, type ActingViewer } from "./viewer";

/** Next public number of the organization (T-1001 first), from a counter row locked until commit. */
async function reserveTicketNumber(db: DbClient, orgId: string): Promise<number> {
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO ticket_sequences (organization_id, value) VALUES (${orgId}::uuid, 1001)
    ON CONFLICT (organization_id) DO UPDATE SET value = ticket_sequences.value + 1
    RETURNING value`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error("could not reserve a ticket number");
  return Number(value);
}

async function checkReferences(
  db: DbClient,
  orgId: string,
  input: { customerId?: string; officeId?: string | null; assigneeId?: string | null; callId?: string | null }
) {
  const fields: Record<string, string> = {};
  if (input.customerId && !(await orgMember(db, orgId, input.customerId))) fields.customerId = "no such user in your organization";
  if (input.officeId && !(await db.office.findFirst({ where: { id: input.officeId, organizationId: orgId }, select: { id: true } }))) {
    fields.officeId = "no such office in your organization";
  }
  if (input.assigneeId) {
    const assignee = await orgMember(db, orgId, input.assigneeId);
    if (!assignee || assignee.role === "customer") fields.assigneeId = "not a staff member of your organization";
    else if (assignee.deactivated) fields.assigneeId = `${assignee.name} is deactivated`;
    else if (!canBeAssigned(assignee, { orgId, officeId: input.officeId ?? null })) fields.assigneeId = "not a member of the ticket's office";
  }
  if (input.callId && !(await db.call.findFirst({ where: { id: input.callId, organizationId: orgId }, select: { id: true } }))) {
    fields.callId = "no such call in your organization";
  }
  if (Object.keys(fields).length)
    throw badRequest(
      `invalid input — ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")}`,
      fields
    );
}

/**
 * Opens a ticket. Customers open their own; staff may open one for someone else (`customerId`),
 * with a priority, an assignee (a member of the ticket's office) and a linked call. The SLA is due
 * the priority's response time after opening. Files sent with the description are stored with it.
 */
export async function createTicket(deps: ServiceDeps, viewer: ActingViewer, data: TicketCreateInput): Promise<TicketDetail> {
  enforce(RULES.createTickets, viewer);
  if (!canOpenTicketOnBehalf(viewer)) {
    const denied = STAFF_ONLY_CREATE_FIELDS.filter((field) => data[field] !== undefined);
    if (denied.length) {
      throw new DomainError(
        "forbidden",
        `customers cannot set ${denied.join(", ")}`,
        Object.fromEntries(denied.map((f) => [f, TICKET_FIELD_DENIALS.staffOnlyField]))
      );
    }
  }
  return withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const db = tx as unknown as DbClient;
      const actor = await withOffices(db, viewer);
      await checkReferences(db, viewer.orgId, data);
      const number = await reserveTicketNumber(db, viewer.orgId);
      const now = new Date();
      const priority = data.priority ?? "normal";
      const slaHours = await organizationSlaHours(db, viewer.orgId);
      const files = withIds(data.attachments);
      const row = await db.ticket.create({
        data: {
          organizationId: viewer.orgId,
          number,
          subject: data.subject,
          body: data.body,
          category: data.category ?? null,
          priority,
          customerId: data.customerId ?? viewer.id,
          createdById: viewer.id,
          assigneeId: data.assigneeId ?? null,
          officeId: data.officeId ?? null,
          callId: data.callId ?? null,
          slaDueAt: slaDueAt(now, priority, slaHours),
          createdAt: now,
          attachments: attachmentMetadata(files),
          activities: { create: { organizationId: viewer.orgId, actorId: viewer.id, kind: "created", internal: false, revision: 1 } }
        },
        include: ticketNames
      });
      await storeAttachments(db, { organizationId: row.organizationId, ticketId: row.id, replyId: null }, files);
      if (row.assigneeId) await notify(db, actor, row, [{ userId: row.assigneeId, kind: "assignment", excerpt: row.subject }]);
      return loadTicketDetail(db, actor, row);
    })
  );
}
