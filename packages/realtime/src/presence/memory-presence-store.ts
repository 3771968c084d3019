import type { PresenceMember } from "@switchboard/contracts";
import { mergeEntries, type PresenceChange, type PresenceEntry, type PresenceStore } from "./presence-store";

/** Single-node presence (embedded mode): same interface as the Redis store, nothing to sweep. */
export class MemoryPresenceStore implements PresenceStore {
  readonly kind = "memory" as const;
  private readonly orgs = new Map<string, Map<string, PresenceEntry>>();

  async start(): Promise<void> {}

  async add(orgId: string, entry: PresenceEntry): Promise<PresenceChange> {
    const entries = this.orgs.get(orgId) ?? new Map<string, PresenceEntry>();
    this.orgs.set(orgId, entries);
    const first = !this.hasUser(entries, entry.userId);
    entries.set(entry.socketId, entry);
    return { orgId, joined: first ? [entry.userId] : [], left: [] };
  }

  async remove(orgId: string, entry: PresenceEntry): Promise<PresenceChange> {
    const entries = this.orgs.get(orgId);
    if (!entries?.delete(entry.socketId)) return { orgId, joined: [], left: [] };
    if (entries.size === 0) this.orgs.delete(orgId);
    return { orgId, joined: [], left: this.hasUser(entries, entry.userId) ? [] : [entry.userId] };
  }

  async list(orgId: string): Promise<PresenceMember[]> {
    return mergeEntries(this.orgs.get(orgId)?.values() ?? []);
  }

  async close(graceful: boolean): Promise<PresenceChange[]> {
    const changes = graceful
      ? [...this.orgs].map(([orgId, entries]) => ({ orgId, joined: [], left: mergeEntries(entries.values()).map((m) => m.userId) }))
      : [];
    this.orgs.clear();
    return changes;
  }

  isHealthy(): boolean {
    return true;
  }

  private hasUser(entries: Map<string, PresenceEntry>, userId: string): boolean {
    for (const entry of entries.values()) if (entry.userId === userId) return true;
    return false;
  }
}
