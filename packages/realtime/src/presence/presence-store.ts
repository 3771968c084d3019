import type { PresenceMember, Role } from "@switchboard/contracts";

/** One open tab: stored per socket, merged per user when read. */
export interface PresenceEntry {
  socketId: string;
  userId: string;
  name: string;
  role: Role;
  since: string;
}

/** How many people are online in an org, as of which change (versions only grow, across nodes and store restarts). */
export interface PresenceState {
  total: number;
  version: number;
}

/**
 * Users whose first tab opened / last tab closed (cluster-wide) because of one store operation,
 * and the org's state after it (absent when the store could not be reached).
 */
export interface PresenceChange {
  orgId: string;
  joined: string[];
  left: string[];
  state?: PresenceState;
}

/** Everyone online in an org, merged per user and sorted by name, and the version it is as of. */
export interface PresenceList {
  members: PresenceMember[];
  version: number;
}

export interface PresenceListener {
  change(change: PresenceChange): void;
  /** The store may have lost who is online in these orgs (Redis restarted empty): consoles need a fresh list. */
  lost(orgIds: string[]): void;
}

/**
 * Who is online, across all nodes. Every operation reports the users it made appear or disappear,
 * decided atomically by the store, so exactly one node announces each change.
 */
export interface PresenceStore {
  readonly kind: "redis" | "memory";
  /** Registers the node; hears the changes the store makes on its own (sweeps, repairs). */
  start(listener: PresenceListener): Promise<void>;
  add(orgId: string, entry: PresenceEntry): Promise<PresenceChange>;
  remove(orgId: string, entry: PresenceEntry): Promise<PresenceChange>;
  list(orgId: string): Promise<PresenceList>;
  /** graceful: remove this node's entries now; otherwise just stop (a crash: others sweep them). */
  close(graceful: boolean): Promise<PresenceChange[]>;
  isHealthy(): boolean;
}

/** localeCompare's order, without building a collator per comparison (a large org sorts thousands). */
const byName = new Intl.Collator();

/** Merges tab entries into one member per user. */
export function mergeEntries(entries: Iterable<PresenceEntry>): PresenceMember[] {
  const byUser = new Map<string, PresenceMember>();
  for (const entry of entries) {
    const member = byUser.get(entry.userId);
    if (!member) {
      byUser.set(entry.userId, { userId: entry.userId, name: entry.name, role: entry.role, since: entry.since, tabs: 1 });
      continue;
    }
    member.tabs++;
    if (entry.since < member.since) member.since = entry.since;
  }
  return [...byUser.values()].sort((a, b) => byName.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
