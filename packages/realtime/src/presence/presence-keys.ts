/** The Redis keys of cluster-wide presence, under one prefix. */
export class PresenceKeys {
  constructor(private readonly prefix: string) {}

  /** An organization's open tabs: field `${nodeId}|${socketId}|${userId}`, value the entry JSON. */
  tabs(orgId: string): string {
    return `${this.prefix}:presence:org:${orgId}`;
  }
  /** Tabs per user of an org's tab hash, kept by the same script, so a change never scans the hash. */
  users(orgId: string): string {
    return `${this.prefix}:presence:org:${orgId}:users`;
  }
  version(orgId: string): string {
    return `${this.prefix}:presence:org:${orgId}:version`;
  }
  epoch(): string {
    return `${this.prefix}:presence:epoch`;
  }
  nodes(): string {
    return `${this.prefix}:presence:nodes`;
  }
  heartbeat(nodeId: string): string {
    return `${this.prefix}:presence:node:${nodeId}`;
  }
  nodeOrgs(nodeId: string): string {
    return `${this.prefix}:presence:node:${nodeId}:orgs`;
  }
}
