import "server-only";
import { assignableRoles, canChangeRole, canChangeUserStatus, canManageUser, canSendSignInLink, type UserFacts } from "@switchboard/auth";
import type { OfficeView, Role, TicketView, UserView } from "@switchboard/contracts";
import { getUser, listOffices, listTickets, parseId, ticketListQuerySchema } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface UserPageData {
  seq: number;
  user: UserView;
  offices: OfficeView[];
  /** A customer's latest tickets (those the viewer may see); null for staff. */
  tickets: { rows: TicketView[]; total: number } | null;
  can: { edit: boolean; roles: readonly Role[]; status: boolean; link: boolean };
}

/** One person's page, as of one seq; throws `user not found` for anyone the viewer may not see. */
export async function loadUserPage(viewer: Viewer, id: string): Promise<UserPageData> {
  const { services } = getRuntime();
  const userId = parseId(id, "user");
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const user = await getUser(services, viewer, userId);
    const offices = await listOffices(services, viewer);
    const tickets =
      user.role === "customer" && viewer.role !== "customer"
        ? await listTickets(services, viewer, ticketListQuerySchema.parse({ customer: user.id, pageSize: 20, sort: "updatedAt", dir: "desc" }))
        : null;
    return { user, offices, tickets: tickets && { rows: tickets.data, total: tickets.total } };
  });
  const facts: UserFacts = { id: data.user.id, orgId: viewer.orgId, role: data.user.role };
  return {
    seq,
    ...data,
    can: {
      edit: canManageUser(viewer, facts),
      roles: assignableRoles(viewer).filter((role) => role === data.user.role || canChangeRole(viewer, facts, role)),
      status: canChangeUserStatus(viewer, facts) && data.user.status !== "invited",
      link: canSendSignInLink(viewer, facts) && data.user.status !== "deactivated"
    }
  };
}
