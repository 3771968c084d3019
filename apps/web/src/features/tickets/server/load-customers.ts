import "server-only";
import { canOpenTicketOnBehalf } from "@switchboard/auth";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";

export interface CustomerOption {
  id: string;
  name: string;
  email: string;
}

/** Customers of the viewer's organization, for staff opening a ticket on someone's behalf (e.g. from a call). */
export async function loadCustomerOptions(viewer: Viewer): Promise<CustomerOption[]> {
  if (!canOpenTicketOnBehalf(viewer)) return [];
  return getRuntime().db.user.findMany({
    where: { organizationId: viewer.orgId, role: "customer" },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
    take: 500
  });
}
