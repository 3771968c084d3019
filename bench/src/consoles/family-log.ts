import type { TopicFamily } from "@switchboard/contracts";

/** The family of every committed event, per organization, as the controller relays commits. */
export class FamilyLog {
  private readonly orgs = new Map<string, Map<number, TopicFamily>>();

  record(orgId: string, seq: number, family: TopicFamily): void {
    let org = this.orgs.get(orgId);
    if (!org) {
      org = new Map();
      this.orgs.set(orgId, org);
    }
    org.set(seq, family);
  }

  familyOf(orgId: string, seq: number): TopicFamily | undefined {
    return this.orgs.get(orgId)?.get(seq);
  }
}
