import type { PresenceChanged, PresenceMember, PresenceSnapshot } from "@switchboard/contracts";

/** Who is online as a console shows it: `total` people, `members` of them listed (sorted by name). */
export interface PresenceView {
  members: readonly PresenceMember[];
  total: number;
}

/**
 * Who is online, as the server's snapshots and changes say. Snapshots may come from different
 * nodes in any order: one older than what the console already has is ignored.
 */
export class PresenceMembers {
  private readonly members = new Map<string, PresenceMember>();
  private total = 0;
  private version = -1;

  replace(snapshot: PresenceSnapshot): PresenceView {
    if (snapshot.version < this.version) return this.view();
    this.version = snapshot.version;
    this.total = snapshot.total;
    this.members.clear();
    for (const member of snapshot.members) this.members.set(member.userId, member);
    return this.view();
  }

  change({ joined, left, total, version }: PresenceChanged): PresenceView {
    for (const userId of left) this.members.delete(userId);
    for (const member of joined) this.members.set(member.userId, member);
    if (version >= this.version) {
      this.version = version;
      this.total = total;
    }
    return this.view();
  }

  /** A new connection: the next snapshot is taken whatever its version (a restarted single node counts afresh). */
  reset(): void {
    this.version = -1;
  }

  private view(): PresenceView {
    const members = [...this.members.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { members, total: Math.max(this.total, members.length) };
  }
}
