import type { DomainEvent } from "@switchboard/contracts";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { DEFAULT_RETENTION, type EventLog, type ReadResult, type RetentionPolicy } from "./event-log";
import { planAppendChunks } from "./redis/append-chunks";
import { runAppendScript, type AppendItem } from "./redis/append-script";
import { closeConnection, createConnection } from "./redis/connection";
import { GlobalStreamReader, readStartPosition, type RawEntry, type StartPosition } from "./redis/global-stream-reader";
import { LiveStatus } from "./redis/live-status";
import { OrgSequenceGuard } from "./redis/org-sequence-guard";
import { decodePayload, encodePayload } from "./redis/payload";
import { readOrgStream } from "./redis/read-org-stream";
import { entryFields } from "./redis/stream-ids";

export interface RedisEventLogOptions {
  url: string;
  /** Namespace of every key (`<prefix>:org:<orgId>`, `<prefix>:events`). */
  keyPrefix?: string;
  retention?: RetentionPolicy;
  logger: Logger;
  /** How long one blocking read of the global stream waits before looping. */
  blockMs?: number;
  /** Per-command client timeout, so an unreachable or hung Redis fails fast. */
  commandTimeoutMs?: number;
  /** Approximate length cap of the global (fan-out) stream. */
  globalMaxLen?: number;
}

export interface RedisEventLogStats {
  appended: number;
  duplicatesSkipped: number;
  delivered: number;
  duplicatesDropped: number;
  badEntries: number;
  resets: number;
}

const APPEND_CHUNK = 500;

/**
 * The cluster event log on Redis streams: one stream per organization with the event's seq as id
 * (replay, retention) and one global stream every realtime node follows (live fan-out).
 */
export class RedisEventLog implements EventLog {
  readonly kind = "redis" as const;
  readonly keyPrefix: string;
  private readonly retention: RetentionPolicy;
  private readonly logger: Logger;
  private readonly blockMs: number;
  private readonly commandTimeoutMs: number;
  private readonly globalMaxLen: number;
  private readonly listeners = new Set<(event: DomainEvent) => void>();
  private readonly resetListeners = new Set<() => void>();
  private readonly status = new LiveStatus(["commands", "commandsHealthy"]);
  private readonly sequence = new OrgSequenceGuard();
  private readonly counters: RedisEventLogStats = { appended: 0, duplicatesSkipped: 0, delivered: 0, duplicatesDropped: 0, badEntries: 0, resets: 0 };
  private commands: Redis | undefined;
  private reader: GlobalStreamReader | undefined;
  private startPosition: StartPosition | undefined;
  private started = false;
  private closing = false;

  constructor(private readonly options: RedisEventLogOptions) {
    this.keyPrefix = options.keyPrefix ?? "sb";
    this.retention = options.retention ?? DEFAULT_RETENTION;
    this.logger = options.logger.child({ component: "redis-event-log" });
    this.blockMs = options.blockMs ?? 5000;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 2000;
    this.globalMaxLen = options.globalMaxLen ?? 100_000;
  }

  get globalKey(): string {
    return `${this.keyPrefix}:events`;
  }

  orgKey(orgId: string): string {
    return `${this.keyPrefix}:org:${orgId}`;
  }

  /** Connects. Does not fail when Redis is down: the log reports itself not live and reconnects. */
  async start(): Promise<void> {
    if (this.started) return;
    if (this.closing) throw new Error("RedisEventLog is closed");
    this.started = true;
    const commands = createConnection({
      url: this.options.url,
      name: "sb-event-log",
      logger: this.logger,
      autoPipelining: true,
      commandTimeoutMs: this.commandTimeoutMs,
      isClosing: () => this.closing,
      onUp: () => this.status.set({ commands: true, commandsHealthy: true }),
      onDown: () => this.status.set({ commands: false })
    });
    this.commands = commands;
    try {
      await commands.connect();
      this.startPosition = await readStartPosition(commands, this.globalKey);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, "event log unreachable at start; will keep retrying");
    }
    if (this.listeners.size > 0) this.startReader();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.reader?.stop();
    if (this.commands) await closeConnection(this.commands);
    this.status.set({ commands: false });
    this.listeners.clear();
    this.resetListeners.clear();
    this.status.clear();
  }

  /**
   * Chunks are pipelined on the one command connection (Redis runs them in send order). An org's
   * events never span two concurrent chunks: if a chunk failed while a later one with the same
   * org succeeded, the retry's skip-by-seq would drop the failed events for good. An org with
   * more events than a chunk holds is appended chunk after chunk, stopping at the first failure.
   */
  async append(events: readonly DomainEvent[]): Promise<void> {
    const commands = this.requireCommands();
    const { parallel, chains } = planAppendChunks(events, APPEND_CHUNK);
    const run = async (chunk: readonly DomainEvent[]) => {
      const items: AppendItem[] = chunk.map((event) => ({
        orgKey: this.orgKey(event.orgId),
        orgId: event.orgId,
        seq: event.seq,
        payload: encodePayload(event),
        atMs: Date.parse(event.at)
      }));
      const appended = await this.tracked("append", () =>
        runAppendScript(commands, this.globalKey, items, {
          maxEvents: this.retention.maxEvents,
          globalMaxLen: this.globalMaxLen,
          maxAgeMs: this.retention.maxAgeMs
        })
      );
      this.counters.appended += appended;
      this.counters.duplicatesSkipped += items.length - appended;
    };
    await Promise.all([
      ...parallel.map(run),
      ...chains.map(async (chain) => {
        for (const chunk of chain) await run(chunk);
      })
    ]);
  }

  async readSince(orgId: string, afterSeq: number): Promise<ReadResult> {
    if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw new RangeError(`afterSeq must be a non-negative integer, got ${afterSeq}`);
    const commands = this.requireCommands();
    return this.tracked("readSince", () =>
      readOrgStream(commands, this.orgKey(orgId), afterSeq, this.retention, (reason) => {
        this.counters.badEntries += 1;
        this.logger.error({ orgId, reason }, "bad entry in an org stream; telling the reader to resync");
      })
    );
  }

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.started && !this.closing) this.startReader();
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (live: boolean) => void): () => void {
    return this.status.subscribe(listener);
  }

  isLive(): boolean {
    return this.status.live;
  }

  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  stats(): RedisEventLogStats {
    return { ...this.counters };
  }

  private requireCommands(): Redis {
    if (!this.commands || this.closing) throw new Error("RedisEventLog is not started (or already closed)");
    return this.commands;
  }

  /** Runs a command, keeping `isLive` honest: a connected but unresponsive Redis is not live. */
  private async tracked<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      this.status.set({ commandsHealthy: true });
      return result;
    } catch (error) {
      this.status.set({ commandsHealthy: false });
      throw new Error(`event log ${what} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  private startReader(): void {
    if (this.reader) return;
    this.status.require("reader");
    const connection = createConnection({
      url: this.options.url,
      name: "sb-event-log-reader",
      logger: this.logger,
      // A blocking read legitimately takes blockMs; only time out well past it.
      commandTimeoutMs: this.blockMs + this.commandTimeoutMs,
      isClosing: () => this.closing,
      onUp: () => undefined,
      onDown: () => this.status.set({ reader: false })
    });
    this.reader = new GlobalStreamReader(
      connection,
      this.globalKey,
      this.blockMs,
      this.logger,
      {
        deliver: (entries) => this.deliver(entries),
        reset: (reason) => this.reset(reason),
        health: (up) => this.status.set({ reader: up })
      },
      this.startPosition
    );
    this.reader.run();
  }

  private deliver(entries: readonly RawEntry[]): void {
    for (const [id, fields] of entries) {
      const decoded = decodePayload(entryFields(fields).get("payload"));
      if (!decoded.ok) {
        this.counters.badEntries += 1;
        this.logger.error({ id, reason: decoded.reason }, "skipping a bad entry in the global event stream");
        continue;
      }
      const event = decoded.event;
      const verdict = this.sequence.check(event.orgId, event.seq);
      if (verdict === "duplicate") {
        this.counters.duplicatesDropped += 1;
        continue;
      }
      if (verdict === "gap") this.reset(`gap in the live event stream of org ${event.orgId} before seq ${event.seq}`, event.orgId);
      this.counters.delivered += 1;
      for (const listener of this.listeners) this.notify("event listener", () => listener(event));
    }
  }

  /** A throwing listener must not stop delivery to the others or kill the reader. */
  private notify(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, `${what} threw`);
    }
  }

  /** `current`: the org whose event is being delivered right now; its continuity is known. */
  private reset(reason: string, current?: string): void {
    this.counters.resets += 1;
    this.logger.warn({ reason }, "event log reset: subscribers must resync");
    this.sequence.forgetContinuity(current);
    for (const listener of this.resetListeners) this.notify("reset listener", listener);
  }
}
