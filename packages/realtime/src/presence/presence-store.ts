import type { PresenceMember, Role } from "@switchboard/contracts";

/** One open tab: stored per socket, merged per user when read. */
export interface PresenceEntry {
  socketId: string;
  userId: string;
  name: string;
  role: Role;
  since: string;
}

/** Users whose first tab opened / last tab closed (cluster-wide) because of one store operation. */
export interface PresenceChange {
  orgId: string;
  joined: string[];
  left: string[];
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
  list(orgId: string): Promise<PresenceMember[]>;
  /** graceful: remove this node's entries now; otherwise just stop (a crash: others sweep them). */
  close(graceful: boolean): Promise<PresenceChange[]>;
  isHealthy(): boolean;
}

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
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}
