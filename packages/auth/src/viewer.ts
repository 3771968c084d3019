import type { Role } from "@switchboard/contracts";

/**
 * Who is asking, as the policy functions see it. `officeIds` (the helpdesk offices the user belongs
 * to) decides which tickets an agent sees; callers load it with the user (REST/pages per request,
 * realtime at socket connect). Absent means "member of no office": an agent then sees only the
 * tickets assigned to them, never more.
 */
export interface Viewer {
  id: string;
  orgId: string;
  role: Role;
  officeIds?: readonly string[];
}

const STAFF: ReadonlySet<Role> = new Set(["admin", "supervisor", "agent"]);

export function isStaff(viewer: Viewer): boolean {
  return STAFF.has(viewer.role);
}

/** Admins and supervisors: everything in their organization. */
export function isManager(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "supervisor";
}

export function sameOrg(viewer: Viewer, orgId: string): boolean {
  return viewer.orgId === orgId;
}
