import type { Role } from "../domain/common";

/** One person online in the organization: all their tabs on every node, merged. */
export type PresenceMember = { userId: string; name: string; role: Role; since: string; tabs: number };

export type PresenceSnapshot = { members: PresenceMember[] };

/**
 * Who came online and who went offline in the organization since the node's last announcement:
 * joins and leaves are coalesced per organization over a short window, so a storm of N joins costs
 * each staff console a few messages instead of N. A user is in at most one of the two lists (the
 * latest state wins): patch the list with both.
 */
export type PresenceChanged = { joined: PresenceMember[]; left: string[] };
