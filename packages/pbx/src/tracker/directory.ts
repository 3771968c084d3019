import type { DbClient } from "@switchboard/db";

export interface DirectoryExtension {
  id: string;
  number: string;
  displayName: string;
  sipUsername: string;
}
export interface DirectoryTrunk {
  id: string;
  name: string;
  host: string;
  username: string | null;
  registrationRequired: boolean;
}

export interface DirectoryQueue {
  id: string;
  name: string;
}

const REFRESH_AFTER_MISS_MS = 5_000;

/** "Carrier B (backup)" → "carrier-b-backup": how a trunk's name reads as a PJSIP endpoint id. */
export function endpointSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The organization's extensions, trunks, queues and pause reasons, keyed the ways the PBX names
 * them: extensions by SIP username or number, trunks by endpoint slug of their name, SIP username
 * or host, queues by name, pause reasons by label (any case). Reloaded when a lookup misses (at
 * most every few seconds), so what is added in the console is found.
 */
export class Directory {
  private extensions = new Map<string, DirectoryExtension>();
  private extensionsById = new Map<string, DirectoryExtension>();
  private trunks = new Map<string, DirectoryTrunk>();
  private trunksById = new Map<string, DirectoryTrunk>();
  private queues = new Map<string, DirectoryQueue>();
  private pauseReasons = new Map<string, string>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: DbClient,
    readonly orgId: string
  ) {}

  async load(): Promise<void> {
    this.loading ??= (async () => {
      const [extensions, trunks, queues, reasons] = await Promise.all([
        this.db.extension.findMany({ where: { organizationId: this.orgId }, select: { id: true, number: true, displayName: true, sipUsername: true } }),
        this.db.trunk.findMany({
          where: { organizationId: this.orgId },
          select: { id: true, name: true, host: true, username: true, registrationRequired: true }
        }),
        this.db.queue.findMany({ where: { organizationId: this.orgId }, select: { id: true, name: true } }),
        this.db.pauseReason.findMany({ where: { organizationId: this.orgId }, select: { label: true } })
      ]);
      this.queues = new Map(queues.map((q) => [q.name.toLowerCase(), q]));
      this.pauseReasons = new Map(reasons.map((r) => [r.label.toLowerCase(), r.label]));
      this.extensions = new Map();
      this.extensionsById = new Map(extensions.map((e) => [e.id, e]));
      for (const e of extensions) {
        this.extensions.set(e.number.toLowerCase(), e);
        this.extensions.set(e.sipUsername.toLowerCase(), e);
      }
      this.trunks = new Map();
      this.trunksById = new Map(trunks.map((t) => [t.id, t]));
      for (const t of trunks) {
        for (const key of [endpointSlug(t.name), t.host, t.username]) if (key) this.trunks.set(key.toLowerCase(), t);
      }
      this.loadedAt = Date.now();
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  async extension(key: string | undefined): Promise<DirectoryExtension | undefined> {
    return this.lookup(() => this.extensions, key);
  }

  /** By endpoint name, host or username; a trunk's display name ("Carrier A") finds it by its slug too. */
  async trunk(key: string | undefined): Promise<DirectoryTrunk | undefined> {
    return (await this.lookup(() => this.trunks, key)) ?? (key ? this.trunks.get(endpointSlug(key)) : undefined);
  }

  /** A queue by its name on the PBX (Asterisk queue names are case-insensitive). */
  async queue(name: string | undefined): Promise<DirectoryQueue | undefined> {
    return this.lookup(() => this.queues, name);
  }

  /** The organization's spelling of a pause reason, or undefined when it has not configured it. */
  async pauseReason(label: string | undefined): Promise<string | undefined> {
    return this.lookup(() => this.pauseReasons, label);
  }

  allQueues(): DirectoryQueue[] {
    return [...this.queues.values()];
  }

  extensionById(id: string): DirectoryExtension | undefined {
    return this.extensionsById.get(id);
  }

  trunkById(id: string): DirectoryTrunk | undefined {
    return this.trunksById.get(id);
  }

  allExtensions(): DirectoryExtension[] {
    return [...this.extensionsById.values()];
  }

  allTrunks(): DirectoryTrunk[] {
    return [...this.trunksById.values()];
  }

  /** `maps` is read again after a reload, which replaces the maps. */
  private async lookup<T>(maps: () => Map<string, T>, key: string | undefined): Promise<T | undefined> {
    if (!key) return undefined;
    const k = key.toLowerCase();
    if (this.loadedAt === 0 || (!maps().has(k) && Date.now() - this.loadedAt > REFRESH_AFTER_MISS_MS)) await this.load();
    return maps().get(k);
  }
}
