import { RULES } from "@switchboard/auth";
import { uuidSchema } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { enforce } from "./errors";
import type { ActingViewer } from "./viewer";

export interface TicketFormOptionsDeps {
  db: DbClient;
}

export interface CustomerOption {
  id: string;
  name: string;
  email: string;
}

/** What a ticket shows of the call it came from, and what a new ticket is prefilled with. */
export interface CallSummary {
  id: string;
  direction: string;
  fromNumber: string;
  fromName: string | null;
  toNumber: string;
  startedAt: string;
}

/** More customers than a picker can usefully list; the ticket form then wants a search instead. */
const CUSTOMER_OPTION_LIMIT = 500;

/** Customers of the viewer's organization, by name, for staff opening a ticket on someone's behalf (e.g. from a call). */
export async function listCustomerOptions({ db }: TicketFormOptionsDeps, viewer: ActingViewer): Promise<CustomerOption[]> {
  enforce(RULES.openTicketsOnBehalf, viewer);
  return db.user.findMany({
    where: { organizationId: viewer.orgId, role: "customer" },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CUSTOMER_OPTION_LIMIT
  });
}

/** A call of the viewer's organization as a ticket links it; null when there is none (a malformed id, e.g. from a URL, names none). */
export async function findCallSummary({ db }: TicketFormOptionsDeps, viewer: ActingViewer, id: string): Promise<CallSummary | null> {
  enforce(RULES.readCalls, viewer);
  if (!uuidSchema.safeParse(id).success) return null;
  const row = await db.call.findFirst({
    where: { id, organizationId: viewer.orgId },
    select: { id: true, direction: true, fromNumber: true, fromName: true, toNumber: true, startedAt: true }
  });
  return row ? { ...row, direction: String(row.direction), startedAt: row.startedAt.toISOString() } : null;
}
