import "server-only";
import { assignableRoles, canCreateCustomers, canManageUsers, canReadUsers } from "@switchboard/auth";
import type { InvitationView, OfficeView, Page, Role, UserView } from "@switchboard/contracts";
import { listInvitations, listOffices, listUsers, userListQuerySchema, type UserListQuery } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export interface UsersPageData {
  seq: number;
  users: Page<UserView>;
  invitations: InvitationView[];
  offices: OfficeView[];
  query: UserListQuery;
  /** Why the filters were refused (the defaults are shown instead). */
  queryError: string | null;
  roles: readonly Role[];
  canManage: boolean;
  canAddCustomers: boolean;
}

/** The users page: one page of the team, the pending invitations and the offices, as of one seq. */
export async function loadUsersPage(viewer: Viewer, params: SearchParams): Promise<UsersPageData | null> {
  if (!canReadUsers(viewer)) return null;
  const parsed = userListQuerySchema.safeParse({
    q: first(params.q),
    role: first(params.role),
    status: first(params.status),
    sort: first(params.sort),
    dir: first(params.dir),
    page: first(params.page)
  });
  const query = parsed.success ? parsed.data : userListQuerySchema.parse({});
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => ({
    users: await listUsers(services, viewer, query),
    invitations: await listInvitations(services, viewer),
    offices: await listOffices(services, viewer)
  }));
  return {
    seq,
    ...data,
    query,
    queryError: parsed.success ? null : (parsed.error.issues[0]?.message ?? "invalid filters"),
    roles: assignableRoles(viewer),
    canManage: canManageUsers(viewer),
    canAddCustomers: canCreateCustomers(viewer)
  };
}
