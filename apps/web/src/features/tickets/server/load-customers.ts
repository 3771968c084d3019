import "server-only";
import { canOpenTicketOnBehalf } from "@switchboard/auth";
import { listCustomerOptions, type CustomerOption } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";

export type { CustomerOption } from "@switchboard/db";

/** Customers of the viewer's organization, for staff opening a ticket on someone's behalf (e.g. from a call); none for others. */
export async function loadCustomerOptions(viewer: Viewer): Promise<CustomerOption[]> {
  if (!canOpenTicketOnBehalf(viewer)) return [];
  return listCustomerOptions(getRuntime().services, viewer);
}
