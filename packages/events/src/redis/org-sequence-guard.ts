/**
 * Per-org memory of the last seq handed to subscribers. The log appends each org's events
 * gap-free and in order, so a repeat is a duplicate to drop and a jump means lost entries.
 */
export class OrgSequenceGuard {
  private readonly delivered = new Map<string, number>();
  /** Orgs whose next jump is expected (everyone was just told to resync), not a loss. */
  private readonly continuityUnknown = new Set<string>();

  check(orgId: string, seq: number): "deliver" | "duplicate" | "gap" {
    const last = this.delivered.get(orgId);
    if (last !== undefined && seq <= last) return "duplicate";
    const gap = last !== undefined && seq > last + 1 && !this.continuityUnknown.has(orgId);
    this.continuityUnknown.delete(orgId);
    this.delivered.set(orgId, seq);
    return gap ? "gap" : "deliver";
  }

  /** After a reset: keep dropping duplicates, but the next event of each org may jump. */
  forgetContinuity(except?: string): void {
    for (const orgId of this.delivered.keys()) if (orgId !== except) this.continuityUnknown.add(orgId);
  }
}
