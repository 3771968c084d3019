import { once } from "node:events";
import type { TicketViewers } from "@switchboard/contracts";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { TICKET_PRESENCE_LUA } from "./ticket-presence-script";
import { viewersOf, type TicketPresenceStore, type TypingChange, type WatchEntry, type WatchInput } from "./ticket-presence-store";

export interface RedisTicketPresenceOptions {
  url: string;
  keyPrefix: string;
  nodeId: string;
  ttlMs: number;
  typingTtlMs: number;
  logger: Logger;
}

type Script = (key: string, mode: string, field: string, entry: string, ttl: string, typingTtl: string, typing: string) => Promise<[string, string[]]>;
type ScriptHost = { sbTicketPresence: Script };

/** Cluster-wide ticket presence: a hash per ticket whose entries each carry their own expiry. */
export class RedisTicketPresenceStore implements TicketPresenceStore {
  readonly kind = "redis" as const;
  private readonly redis: Redis;

  constructor(private readonly options: RedisTicketPresenceOptions) {
    if (options.nodeId.includes("|")) throw new Error("nodeId must not contain '|'");
    // Fail fast while Redis is down; the next heartbeat re-creates whatever did not get through.
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      connectionName: `sb-ticket-presence-${options.nodeId}`
    });
    this.redis.on("error", (err) => options.logger.debug({ err }, "ticket presence redis error"));
    this.redis.defineCommand("sbTicketPresence", { numberOfKeys: 1, lua: TICKET_PRESENCE_LUA });
  }

  async start(): Promise<void> {
    if (this.redis.status === "ready") return;
    await Promise.race([
      once(this.redis, "ready"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("ticket presence: Redis is unreachable")), 10_000).unref())
    ]);
  }

  put(ticketId: string, input: WatchInput, typing: TypingChange): Promise<TicketViewers> {
    return this.run(ticketId, "put", input, typing);
  }

  remove(ticketId: string, socketId: string): Promise<TicketViewers> {
    return this.run(ticketId, "del", { socketId, userId: "", name: "", role: "agent", since: "" }, "keep");
  }

  async read(ticketIds: readonly string[]): Promise<TicketViewers[]> {
    if (ticketIds.length === 0) return [];
    const pipeline = this.redis.pipeline() as unknown as ScriptHost & { exec(): Promise<Array<[Error | null, unknown]> | null> };
    for (const id of ticketIds) void pipeline.sbTicketPresence(this.key(id), "read", "", "{}", "0", "0", "keep");
    const results = (await pipeline.exec()) ?? [];
    return ticketIds.map((id, i) => {
      const [error, reply] = results[i] ?? [new Error("no reply"), null];
      if (error) throw error;
      return this.parse(id, reply as [string, string[]]);
    });
  }

  async refresh(entries: ReadonlyArray<{ ticketId: string; input: WatchInput }>): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline() as unknown as ScriptHost & { exec(): Promise<Array<[Error | null, unknown]> | null> };
    for (const { ticketId, input } of entries) void pipeline.sbTicketPresence(...this.args(ticketId, "put", input, "keep"));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async close(graceful: boolean): Promise<void> {
    if (graceful) await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private async run(ticketId: string, mode: "put" | "del", input: WatchInput, typing: TypingChange): Promise<TicketViewers> {
    const script = (this.redis as unknown as ScriptHost).sbTicketPresence.bind(this.redis);
    return this.parse(ticketId, await script(...this.args(ticketId, mode, input, typing)));
  }

  private args(ticketId: string, mode: string, input: WatchInput, typing: TypingChange): Parameters<Script> {
    const typingArg = typing === "keep" ? "keep" : typing ? "1" : "0";
    const { ttlMs, typingTtlMs } = this.options;
    return [this.key(ticketId), mode, this.field(input.socketId), JSON.stringify(input), String(ttlMs), String(typingTtlMs), typingArg];
  }

  private parse(ticketId: string, [now, raw]: [string, string[]]): TicketViewers {
    return viewersOf(
      ticketId,
      raw.map((value) => JSON.parse(value) as WatchEntry),
      Number(now)
    );
  }

  private field(socketId: string): string {
    return `${this.options.nodeId}|${socketId}`;
  }

  private key(ticketId: string): string {
    return `${this.options.keyPrefix}:ticket-presence:${ticketId}`;
  }
}
