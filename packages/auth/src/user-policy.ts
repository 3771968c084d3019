import type { Role } from "@switchboard/contracts";
import { isManager, isStaff, sameOrg, type Viewer } from "./viewer";

/**
 * The team: who sees it and who may change whom. Admins manage everyone; supervisors manage agents
 * and customers; agents may add customers (create or invite them); customers see only themselves.
 * Guards that depend on the rest of the organization (the last admin) are the services' to check.
 */

/** A user as these rules need them. */
export interface UserFacts {
  id: string;
  orgId: string;
  role: Role;
}

const ALL_ROLES: readonly Role[] = ["admin", "supervisor", "agent", "customer"];
const SUPERVISED: readonly Role[] = ["agent", "customer"];
const CUSTOMER_ONLY: readonly Role[] = ["customer"];

/** The users list, each user's page and the pending invitations: staff. */
export function canReadUsers(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Changing other people at all (name, role, offices, state, reset links): admins and supervisors. */
export function canManageUsers(viewer: Viewer): boolean {
  return isManager(viewer);
}

/** Customer accounts (created or invited): every staff member. */
export function canCreateCustomers(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/**
 * Importing people from CSV: admins and supervisors (each row's role must still be one they may
 * hand out, see canInviteAs). Agents add customers one at a time.
 */
export function canImportUsers(viewer: Viewer): boolean {
  return isManager(viewer);
}

/** The roles a viewer may hand out, by inviting or by changing someone's role. */
export function assignableRoles(viewer: Viewer): readonly Role[] {
  if (viewer.role === "admin") return ALL_ROLES;
  if (viewer.role === "supervisor") return SUPERVISED;
  if (viewer.role === "agent") return CUSTOMER_ONLY;
  return [];
}

/** Invite someone with `role`. */
export function canInviteAs(viewer: Viewer, role: Role): boolean {
  return assignableRoles(viewer).includes(role);
}

/**
 * Change `target` (name, offices, deactivate or reactivate, reset their password, send them a new
 * invitation): admins anyone of their organization, supervisors its agents and customers, agents
 * the customers (their sign-in links only: see canSendSignInLink).
 */
export function canManageUser(viewer: Viewer, target: UserFacts): boolean {
  if (!sameOrg(viewer, target.orgId)) return false;
  if (viewer.role === "admin") return true;
  return viewer.role === "supervisor" && SUPERVISED.includes(target.role);
}

/** Give `target` the role `to`: never one's own role, and only roles the viewer may hand out. */
export function canChangeRole(viewer: Viewer, target: UserFacts, to: Role): boolean {
  return viewer.id !== target.id && canManageUser(viewer, target) && assignableRoles(viewer).includes(to);
}

/** Deactivate or reactivate: never oneself (an admin would lock themselves out mid-click). */
export function canChangeUserStatus(viewer: Viewer, target: UserFacts): boolean {
  return viewer.id !== target.id && canManageUser(viewer, target);
}

/** An invitation or password-reset link for `target`; agents may send one to a customer. */
export function canSendSignInLink(viewer: Viewer, target: UserFacts): boolean {
  if (canManageUser(viewer, target)) return true;
  return viewer.role === "agent" && sameOrg(viewer, target.orgId) && target.role === "customer";
}

/** The activity log (who did what across the organization): admins. */
export function canReadActivity(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** The organization's name and time zone: admins. */
export function canManageOrganization(viewer: Viewer): boolean {
  return viewer.role === "admin";
}
