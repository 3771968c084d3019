import { z } from "zod";
import { canOpenTicketOnBehalf, canReadCalls } from "@switchboard/auth";
import type { DbClient } from "../client/create-client";
import { forbidden } from "./errors";
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
export const CUSTOMER_OPTION_LIMIT = 500;

export const CUSTOMERS_DENIED = "only staff may open a ticket on a customer's behalf";
export const CALL_SUMMARY_DENIED = "your role cannot see calls";

/** Customers of the viewer's organization, by name, for staff opening a ticket on someone's behalf (e.g. from a call). */
export async function listCustomerOptions({ db }: TicketFormOptionsDeps, viewer: ActingViewer): Promise<CustomerOption[]> {
  if (!canOpenTicketOnBehalf(viewer)) throw forbidden(CUSTOMERS_DENIED);
  return db.user.findMany({
    where: { organizationId: viewer.orgId, role: "customer" },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CUSTOMER_OPTION_LIMIT
  });
}

/** A call of the viewer's organization as a ticket links it; null when there is none (or `id` is no uuid). */
export async function findCallSummary({ db }: TicketFormOptionsDeps, viewer: ActingViewer, id: string): Promise<CallSummary | null> {
  if (!canReadCalls(viewer)) throw forbidden(CALL_SUMMARY_DENIED);
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.call.findFirst({
    where: { id, organizationId: viewer.orgId },
    select: { id: true, direction: true, fromNumber: true, fromName: true, toNumber: true, startedAt: true }
  });
  return row ? { ...row, direction: String(row.direction), startedAt: row.startedAt.toISOString() } : null;
}
