import { z } from "zod";
import { canSeeInternalTicketData, TICKET_FIELD_DENIALS } from "@switchboard/auth";
import { TICKET_PRIORITIES, TICKET_STATUSES, type Page, type TicketDetail, type TicketReplyView, type TicketView } from "@switchboard/contracts";
import type { Prisma } from "../generated/prisma/client";
import { replyAuthor, toTicketReplyView } from "../views/ticket-reply-view";
import { ticketNames, toTicketViewFor } from "../views/ticket-view";
import type { ServiceDeps } from "./extensions";
import { badRequest } from "./errors";
import { listQuerySchema, optionalBoolParam } from "./list-query";
import { readableTicket, scopeWhere, withOffices, type TicketViewer } from "./tickets-access";
import { loadTicketDetail } from "./tickets-write";
import type { ActingViewer } from "./viewer";

/** A comma-separated list of allowed values ("open,pending"), as a query parameter. */
function csvOf<const V extends readonly [string, ...string[]]>(name: string, values: V) {
  return z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    )
    .pipe(z.array(z.enum(values, { error: `${name} must be one of: ${values.join(", ")} (comma-separated)` })).min(1, `${name} must not be empty`))
    .optional()
    .describe(`Comma-separated, any of: ${values.join(", ")}`);
}

const SORTS = ["number", "subject", "status", "priority", "slaDueAt", "createdAt", "updatedAt"] as const;

export const ticketListQuerySchema = listQuerySchema(SORTS, "updatedAt", "subject and description; a number (T-1042 or 1042) finds that ticket").extend({
  dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("desc"),
  status: csvOf("status", TICKET_STATUSES),
  priority: csvOf("priority", TICKET_PRIORITIES).describe(`Staff only. Comma-separated, any of: ${TICKET_PRIORITIES.join(", ")}`),
  office: z
    .union([z.uuid(), z.literal("none")], { error: "office must be an office id or none" })
    .optional()
    .describe("Staff only. An office id, or none (tickets of no office)"),
  assignee: z
    .union([z.uuid(), z.literal("me"), z.literal("none")], { error: "assignee must be a user id, me or none" })
    .optional()
    .describe("Staff only. A user id, me, or none (unassigned)"),
  mine: optionalBoolParam.describe("true: assigned to me (staff), opened for me (customers)"),
  overdue: optionalBoolParam.describe("Staff only. true: past its SLA due time and still waiting for an answer (open or pending)"),
  customer: z.uuid({ error: "customer must be a user id" }).optional().describe("Staff only. The customer's user id")
});
export type TicketListQuery = z.output<typeof ticketListQuerySchema>;

/** Filters and sorts that would tell a customer about staff-only data (who handles it, how urgent). */
const STAFF_ONLY_PARAMS = ["priority", "office", "assignee", "customer", "overdue"] as const;

/** The statuses in which a ticket's SLA runs (as the console's countdown shows it). */
const SLA_RUNNING = ["open", "pending"] as const;

function searchWhere(q: string): Prisma.TicketWhereInput {
  const number = /^(?:t-?)?(\d{1,9})$/i.exec(q)?.[1];
  return {
    OR: [
      ...(number ? [{ number: Number(number) }] : []),
      { subject: { contains: q, mode: "insensitive" as const } },
      { body: { contains: q, mode: "insensitive" as const } }
    ]
  };
}

function refuseStaffOnly(staff: boolean, q: TicketListQuery): void {
  if (staff) return;
  const fields: Record<string, string> = {};
  for (const key of STAFF_ONLY_PARAMS) if (q[key] !== undefined) fields[key] = TICKET_FIELD_DENIALS.staffOnlyFilter;
  if (q.sort === "priority" || q.sort === "slaDueAt") fields.sort = TICKET_FIELD_DENIALS.staffOnlySort;
  if (Object.keys(fields).length) throw badRequest(`invalid input — ${Object.keys(fields).join(", ")}: only staff may use this`, fields);
}

function listWhere(scoped: TicketViewer, staff: boolean, q: TicketListQuery, now: Date): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [scopeWhere(scoped)];
  if (q.status) and.push({ status: { in: q.status } });
  if (q.priority) and.push({ priority: { in: q.priority } });
  if (q.office) and.push({ officeId: q.office === "none" ? null : q.office });
  if (q.assignee) and.push({ assigneeId: q.assignee === "none" ? null : q.assignee === "me" ? scoped.id : q.assignee });
  if (q.mine) and.push(staff ? { assigneeId: scoped.id } : { customerId: scoped.id });
  if (q.overdue) and.push({ slaDueAt: { lt: now }, status: { in: [...SLA_RUNNING] } });
  if (q.customer) and.push({ customerId: q.customer });
  if (q.q) and.push(searchWhere(q.q));
  return { AND: and };
}

/** Tickets the viewer may see, filtered, searched (subject, description, T-number), sorted and paged. */
export async function listTickets({ db }: ServiceDeps, viewer: ActingViewer, q: TicketListQuery): Promise<Page<TicketView>> {
  const staff = canSeeInternalTicketData(viewer);
  refuseStaffOnly(staff, q);
  const scoped = await withOffices(db, viewer);
  const where = listWhere(scoped, staff, q, new Date());
  const [rows, total] = await Promise.all([
    db.ticket.findMany({
      where,
      include: ticketNames,
      orderBy: [{ [q.sort]: q.dir }, { number: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize
    }),
    db.ticket.count({ where })
  ]);
  return { data: rows.map((row) => toTicketViewFor(scoped, row)), page: q.page, pageSize: q.pageSize, total };
}

/** How many tickets each of several filters finds (saved views' counts); paging and sorting are ignored. */
export async function countTickets({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, queries: readonly TicketListQuery[]): Promise<number[]> {
  const staff = canSeeInternalTicketData(viewer);
  for (const q of queries) refuseStaffOnly(staff, q);
  const scoped = await withOffices(db, viewer);
  const now = new Date();
  return Promise.all(queries.map((q) => db.ticket.count({ where: listWhere(scoped, staff, q, now) })));
}

/** One ticket with its conversation and activity trail, as the viewer may see them; not_found otherwise. */
export async function getTicket({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<TicketDetail> {
  const scoped = await withOffices(db, viewer);
  return loadTicketDetail(db, scoped, await readableTicket(db, scoped, id));
}

export const replyListQuerySchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(100)
});
export type ReplyListQuery = z.output<typeof replyListQuerySchema>;

/** A ticket's replies, oldest first; internal notes only for staff. */
export async function listTicketReplies({ db }: ServiceDeps, viewer: ActingViewer, ticketId: string, q: ReplyListQuery): Promise<Page<TicketReplyView>> {
  const scoped = await withOffices(db, viewer);
  const ticket = await readableTicket(db, scoped, ticketId);
  const where: Prisma.TicketReplyWhereInput = { ticketId: ticket.id, ...(canSeeInternalTicketData(scoped) ? {} : { internal: false }) };
  const [rows, total] = await Promise.all([
    db.ticketReply.findMany({ where, include: replyAuthor, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.ticketReply.count({ where })
  ]);
  return { data: rows.map(toTicketReplyView), page: q.page, pageSize: q.pageSize, total };
}
