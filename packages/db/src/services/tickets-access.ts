import { canReadTicket, ticketScope, type Viewer } from "@switchboard/auth";
import type { DbClient } from "../client/create-client";
import type { Prisma } from "../generated/prisma/client";
import { ticketAccessOf, ticketNames, type TicketRow } from "../views/ticket-view";
import { notFound } from "./errors";
import type { ActingViewer } from "./viewer";

/** A service's viewer with the facts ticket policy needs, read fresh from the database. */
export type TicketViewer = ActingViewer & { officeIds: string[] };

export async function officeIdsOf(db: DbClient, userId: string): Promise<string[]> {
  const rows = await db.officeMember.findMany({ where: { userId }, select: { officeId: true }, orderBy: { officeId: "asc" } });
  return rows.map((r) => r.officeId);
}

/** Loads the viewer's office memberships, so a membership change applies on the next request. */
export async function withOffices(db: DbClient, viewer: ActingViewer): Promise<TicketViewer> {
  return { ...viewer, officeIds: await officeIdsOf(db, viewer.id) };
}

/** The policy's ticket scope as a query: lists contain exactly what canReadTicket allows. */
export function scopeWhere(viewer: Viewer): Prisma.TicketWhereInput {
  const scope = ticketScope(viewer);
  switch (scope.kind) {
    case "org":
      return { organizationId: scope.orgId };
    case "agent":
      return { organizationId: scope.orgId, OR: [{ assigneeId: scope.userId }, { createdById: scope.userId }, { officeId: { in: [...scope.officeIds] } }] };
    case "customer":
      return { organizationId: scope.orgId, customerId: scope.userId };
  }
}

/**
 * The ticket if the viewer may read it. Anything else (no such id, another organization, another
 * customer's ticket, another office) is the same not_found: existence is never revealed.
 * `lock` takes the row lock first, so concurrent changes to one ticket apply one after the other.
 */
export async function readableTicket(db: DbClient, viewer: TicketViewer, id: string, options: { lock?: boolean } = {}): Promise<TicketRow> {
  if (options.lock) await db.$queryRaw`SELECT 1 FROM tickets WHERE id = ${id}::uuid AND organization_id = ${viewer.orgId}::uuid FOR UPDATE`;
  const row = await db.ticket.findFirst({ where: { id, organizationId: viewer.orgId }, include: ticketNames });
  if (!row || !canReadTicket(viewer, ticketAccessOf(row))) throw notFound("ticket");
  return row;
}

/** A user of the viewer's organization as the policy sees them (for assignee and mention checks). */
export async function orgMember(db: DbClient, orgId: string, userId: string): Promise<(TicketViewer & { email: string; deactivated: boolean }) | null> {
  const user = await db.user.findFirst({
    where: { id: userId, organizationId: orgId },
    select: { id: true, organizationId: true, role: true, name: true, email: true, status: true }
  });
  if (!user) return null;
  const { id, organizationId, role, name, email, status } = user;
  return { id, orgId: organizationId, role, name, email, deactivated: status === "deactivated", officeIds: await officeIdsOf(db, id) };
}
