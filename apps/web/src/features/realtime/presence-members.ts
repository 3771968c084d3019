import type { PresenceMember } from "@switchboard/contracts";

/** Who is online, as the server's snapshot and changes say; each answer sorted by name. */
export class PresenceMembers {
  private readonly members = new Map<string, PresenceMember>();

  replace(members: readonly PresenceMember[]): PresenceMember[] {
    this.members.clear();
    for (const member of members) this.members.set(member.userId, member);
    return this.list();
  }

  change(joined: readonly PresenceMember[], left: readonly string[]): PresenceMember[] {
    for (const userId of left) this.members.delete(userId);
    for (const member of joined) this.members.set(member.userId, member);
    return this.list();
  }

  private list(): PresenceMember[] {
    return [...this.members.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
