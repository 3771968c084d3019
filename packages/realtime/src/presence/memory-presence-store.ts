import { mergeEntries, type PresenceChange, type PresenceEntry, type PresenceList, type PresenceStore } from "./presence-store";

interface OrgTabs {
  tabs: Map<string, PresenceEntry>;
  /** Open tabs per user. */
  users: Map<string, number>;
  version: number;
}

/** Single-node presence (embedded mode): same interface as the Redis store, nothing to sweep. */
export class MemoryPresenceStore implements PresenceStore {
  readonly kind = "memory" as const;
  private readonly orgs = new Map<string, OrgTabs>();
  private lastVersion = 0;

  async start(): Promise<void> {}

  async add(orgId: string, entry: PresenceEntry): Promise<PresenceChange> {
    let org = this.orgs.get(orgId);
    if (!org) {
      org = { tabs: new Map(), users: new Map(), version: 0 };
      this.orgs.set(orgId, org);
    }
    const previous = org.tabs.get(entry.socketId);
    org.tabs.set(entry.socketId, entry);
    if (previous) return this.changed(orgId, org, [], []);
    const tabs = (org.users.get(entry.userId) ?? 0) + 1;
    org.users.set(entry.userId, tabs);
    return this.changed(orgId, org, tabs === 1 ? [entry.userId] : [], []);
  }

  async remove(orgId: string, entry: PresenceEntry): Promise<PresenceChange> {
    const org = this.orgs.get(orgId);
    if (!org?.tabs.delete(entry.socketId)) return { orgId, joined: [], left: [] };
    const tabs = (org.users.get(entry.userId) ?? 1) - 1;
    if (tabs > 0) org.users.set(entry.userId, tabs);
    else org.users.delete(entry.userId);
    const change = this.changed(orgId, org, [], tabs > 0 ? [] : [entry.userId]);
    // Versions are the store's, not the org's: an org that comes back continues past this one.
    if (org.tabs.size === 0) this.orgs.delete(orgId);
    return change;
  }

  async list(orgId: string): Promise<PresenceList> {
    const org = this.orgs.get(orgId);
    return { members: mergeEntries(org?.tabs.values() ?? []), version: org?.version ?? 0 };
  }

  async close(graceful: boolean): Promise<PresenceChange[]> {
    const changes = graceful
      ? [...this.orgs].map(([orgId, org]) => ({ orgId, joined: [], left: [...org.users.keys()], state: { total: 0, version: this.nextVersion() } }))
      : [];
    this.orgs.clear();
    return changes;
  }

  isHealthy(): boolean {
    return true;
  }

  private changed(orgId: string, org: OrgTabs, joined: string[], left: string[]): PresenceChange {
    if (joined.length > 0 || left.length > 0) org.version = this.nextVersion();
    return { orgId, joined, left, state: { total: org.users.size, version: org.version } };
  }

  /** Microseconds of the clock, or one past the last: like the Redis store's, versions only grow. */
  private nextVersion(): number {
    this.lastVersion = Math.max(Date.now() * 1000, this.lastVersion + 1);
    return this.lastVersion;
  }
}
