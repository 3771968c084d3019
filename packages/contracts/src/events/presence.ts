import type { Role } from "../domain/common";

/** One person online in the organization: all their tabs on every node, merged. */
export type PresenceMember = { userId: string; name: string; role: Role; since: string; tabs: number };

/**
 * Who is online: `total` people, of whom `members` lists at most a page (the first by name). An
 * organization larger than the page is summarized, so a console's cost does not grow with its
 * size. `version` orders snapshots from different nodes: a console keeps the newest it has seen.
 */
export type PresenceSnapshot = { members: PresenceMember[]; total: number; version: number };

/**
 * Who came online and who went offline in the organization since the node's last announcement:
 * joins and leaves are coalesced per organization over a short window, so a storm of N joins costs
 * each staff console a few messages instead of N. A user is in at most one of the two lists (the
 * latest state wins): patch the list with both. In a storm (more people than a fifth of a page in
 * a second) consoles get a fresh presence:snapshot instead, about once a second.
 */
export type PresenceChanged = { joined: PresenceMember[]; left: string[]; total: number; version: number };
