import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { PresenceKeys } from "./presence-keys";
import { PresenceCommands } from "./presence-commands";
import { mergeEntries, type PresenceChange, type PresenceEntry, type PresenceList, type PresenceListener, type PresenceStore } from "./presence-store";

export interface RedisPresenceOptions {
  url: string;
  keyPrefix: string;
  nodeId: string;
  ttlMs: number;
  logger: Logger;
}

/**
 * Cluster-wide presence in Redis: a hash of open tabs per organization, a heartbeat key per node.
 * Each node sweeps the tabs of nodes whose heartbeat expired, so a crashed node's users go away
 * within `ttlMs`. Every node keeps the truth about its own tabs and re-asserts it whenever Redis
 * may have lost it (an operation failed, or its own heartbeat had expired: it was swept).
 */
export class RedisPresenceStore implements PresenceStore {
  readonly kind = "redis" as const;
  private readonly redis: Redis;
  private readonly local = new Map<string, Map<string, PresenceEntry>>();
  private timer: NodeJS.Timeout | undefined;
  private listener: PresenceListener = { change: () => undefined, lost: () => undefined };
  private dirty = true;
  private epoch: string | undefined;
  private lostPending = false;
  private healthy = false;
  private ticking = false;
  private stopped = false;
  private readonly keys: PresenceKeys;
  private readonly commands: PresenceCommands;

  constructor(private readonly options: RedisPresenceOptions) {
    if (options.nodeId.includes("|")) throw new Error("nodeId must not contain '|'");
    this.keys = new PresenceKeys(options.keyPrefix);
    // Fail fast while Redis is down, and never run a stale command after reconnecting: the next
    // heartbeat repairs whatever did not get through.
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 2_000,
      // Each connect adds a tab (two commands): in a storm, one write per tick instead of per command.
      enableAutoPipelining: true,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      connectionName: `sb-presence-${options.nodeId}`
    });
    this.redis.on("error", (err) => options.logger.debug({ err }, "presence redis error"));
    this.commands = new PresenceCommands(this.redis, this.keys, options.nodeId);
  }

  async start(listener: PresenceListener): Promise<void> {
    this.listener = listener;
    if (this.redis.status !== "ready") {
      await Promise.race([
        once(this.redis, "ready"),
        new Promise((_, reject) => setTimeout(() => reject(new Error("presence: Redis is unreachable")), 10_000).unref())
      ]);
    }
    // A slow first beat (a busy Redis) is retried; a Redis that stays unusable fails the start.
    const deadline = Date.now() + 10_000;
    for (await this.tick(); !this.healthy && Date.now() < deadline; await this.tick()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!this.healthy) throw new Error("presence: Redis is unreachable");
    // The heartbeat key outlives ~3 missed beats (0.75 × ttl); sweeps run every beat (0.2 × ttl):
    // a dead node is gone within about ttl.
    this.timer = setInterval(() => void this.tick(), this.periodMs());
    this.timer.unref();
  }

  async add(orgId: string, entry: PresenceEntry): Promise<PresenceChange> {
    const entries = this.local.get(orgId) ?? new Map<string, PresenceEntry>();
    this.local.set(orgId, entries);
    entries.set(entry.socketId, entry);
    try {
      const [, { joined, state }] = await Promise.all([
        this.redis.sadd(this.keys.nodeOrgs(this.options.nodeId), orgId),
        this.commands.change(orgId, { sets: { [this.field(entry)]: JSON.stringify(entry) } })
      ]);
      return { orgId, joined, left: [], state };
    } catch (error) {
      return this.failed(orgId, error);
    }
  }

  async remove(orgId: string, entry: PresenceEntry): Promise<PresenceChange> {
    const entries = this.local.get(orgId);
    entries?.delete(entry.socketId);
    if (entries?.size === 0) this.local.delete(orgId);
    try {
      const { left, state } = await this.commands.change(orgId, { dels: [this.field(entry)] });
      return { orgId, joined: [], left, state };
    } catch (error) {
      return this.failed(orgId, error);
    }
  }

  async list(orgId: string): Promise<PresenceList> {
    const { version, tabs } = await this.commands.list(orgId);
    return { members: mergeEntries(tabs.map((value) => JSON.parse(value) as PresenceEntry)), version };
  }

  async close(graceful: boolean): Promise<PresenceChange[]> {
    this.stopped = true;
    clearInterval(this.timer);
    if (!graceful) {
      this.redis.disconnect();
      return [];
    }
    const changes: PresenceChange[] = [];
    try {
      const own = `${this.options.nodeId}|`;
      for (const orgId of this.local.keys()) {
        const { left, state } = await this.commands.change(orgId, { prefix: own });
        changes.push({ orgId, joined: [], left, state });
      }
      await this.redis.del(this.keys.heartbeat(this.options.nodeId), this.keys.nodeOrgs(this.options.nodeId));
      await this.redis.srem(this.keys.nodes(), this.options.nodeId);
      await this.redis.quit();
    } catch (error) {
      this.options.logger.warn({ err: error }, "presence cleanup on close failed; other nodes will sweep");
      this.redis.disconnect();
    }
    this.local.clear();
    return changes;
  }

  isHealthy(): boolean {
    return this.healthy && this.redis.status === "ready";
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      await this.heartbeat();
      await this.sweep();
      this.healthy = true;
    } catch (error) {
      if (this.healthy) this.options.logger.warn({ err: error }, "presence heartbeat failed");
      this.healthy = false;
      this.dirty = true;
    } finally {
      this.ticking = false;
    }
  }

  private async heartbeat(): Promise<void> {
    const { nodeId, ttlMs } = this.options;
    const previous = await this.redis.call("SET", this.keys.heartbeat(nodeId), String(Date.now()), "PX", String(Math.ceil(ttlMs * 0.75)), "GET");
    // A Redis that restarted empty has a new epoch: everyone's tabs, and any "left" nobody could
    // announce meanwhile, are gone, so consoles need the whole list again once our tabs are back.
    const candidate = randomUUID();
    const stored = await this.redis.call("SET", this.keys.epoch(), candidate, "NX", "GET");
    const epoch = typeof stored === "string" ? stored : candidate;
    if (this.epoch !== undefined && epoch !== this.epoch) this.lostPending = true;
    this.epoch = epoch;
    await this.redis.sadd(this.keys.nodes(), nodeId);
    // No previous heartbeat: this node was (or may have been) swept as dead: re-assert its tabs.
    if (previous === null || this.dirty || this.lostPending) await this.reassert();
    if (this.lostPending) {
      this.lostPending = false;
      this.listener.lost([...this.local.keys()]);
      // Other nodes re-assert within a period, and their announcements may have been published before
      // our adapter resubscribed: a second list once they all had their turn settles it.
      const again = setTimeout(
        () => {
          if (!this.stopped) this.listener.lost([...this.local.keys()]);
        },
        Math.ceil(this.periodMs() * 1.5)
      );
      again.unref();
    }
  }

  private periodMs(): number {
    return Math.max(50, Math.floor(this.options.ttlMs / 5));
  }

  private async reassert(): Promise<void> {
    const { nodeId } = this.options;
    const recorded = await this.redis.smembers(this.keys.nodeOrgs(nodeId));
    const orgIds = new Set([...recorded, ...this.local.keys()]);
    for (const orgId of orgIds) {
      const entries = [...(this.local.get(orgId)?.values() ?? [])];
      if (entries.length) await this.redis.sadd(this.keys.nodeOrgs(nodeId), orgId);
      const sets = Object.fromEntries(entries.map((entry) => [this.field(entry), JSON.stringify(entry)]));
      const { joined, left, state } = await this.commands.change(orgId, { prefix: `${nodeId}|`, sets });
      if (!entries.length) await this.redis.srem(this.keys.nodeOrgs(nodeId), orgId);
      if (joined.length || left.length) this.listener.change({ orgId, joined, left, state });
    }
    this.dirty = false;
  }

  private async sweep(): Promise<void> {
    const nodes = await this.redis.smembers(this.keys.nodes());
    for (const node of nodes) {
      if (node === this.options.nodeId || (await this.redis.exists(this.keys.heartbeat(node)))) continue;
      for (const orgId of await this.redis.smembers(this.keys.nodeOrgs(node))) {
        const { left, state } = await this.commands.change(orgId, { prefix: `${node}|`, sweepNode: node });
        if (left.length) this.listener.change({ orgId, joined: [], left, state });
      }
      this.options.logger.info({ node }, "presence: swept a node whose heartbeat expired");
      await this.redis.del(this.keys.nodeOrgs(node));
      await this.redis.srem(this.keys.nodes(), node);
    }
  }

  private failed(orgId: string, error: unknown): PresenceChange {
    this.dirty = true;
    this.options.logger.warn({ err: error, orgId }, "presence update failed; will repair on the next heartbeat");
    return { orgId, joined: [], left: [] };
  }

  private field(entry: PresenceEntry): string {
    return `${this.options.nodeId}|${entry.socketId}|${entry.userId}`;
  }
}
