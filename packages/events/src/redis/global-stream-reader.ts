import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { compareStreamIds, isNoSuchKeyError, parseStreamInfo, type StreamInfo } from "./stream-ids";

export type RawEntry = [id: string, fields: string[]];

/** Where a reader starts: the global stream's end and the server instance it was read from. */
export interface StartPosition {
  lastId: string;
  runId: string;
}

export interface ReaderHooks {
  deliver(entries: readonly RawEntry[]): void;
  /** The reader lost its place; everything downstream must resync. */
  reset(reason: string): void;
  health(up: boolean): void;
}

const BATCH = 500;

/** The global stream's current end and the server's run id (changes when Redis restarts). */
export async function readStartPosition(redis: Redis, key: string): Promise<StartPosition> {
  const [info, end] = await Promise.all([redis.info("server"), streamEnd(redis, key)]);
  return { lastId: end, runId: parseRunId(info) };
}

async function streamEnd(redis: Redis, key: string): Promise<string> {
  try {
    return parseStreamInfo(await redis.xinfo("STREAM", key)).lastGeneratedId;
  } catch (error) {
    if (isNoSuchKeyError(error)) return "0-0";
    throw error;
  }
}

function parseRunId(info: string): string {
  const match = /run_id:(\w+)/.exec(info);
  if (!match?.[1]) throw new Error("INFO server did not report a run_id");
  return match[1];
}

/**
 * True when entries after `lastId` may have disappeared before we read them: the stream vanished
 * (Redis restarted empty, key deleted), was trimmed past our position, or is a different stream
 * than the one we were reading (its ids restart below ours, or our entry was never deleted from it).
 */
export function positionLost(lastId: string, info: StreamInfo | null, acceptNewStream = false): boolean {
  if (lastId === "0-0") return false;
  // After a restart we chose to follow: entries newer than our position are all new ones.
  if (acceptNewStream) return info?.maxDeletedEntryId != null && compareStreamIds(info.maxDeletedEntryId, lastId) > 0;
  if (!info) return true;
  if (compareStreamIds(info.lastGeneratedId, lastId) < 0) return true;
  const maxDeleted = info.maxDeletedEntryId;
  if (maxDeleted !== null && compareStreamIds(maxDeleted, lastId) > 0) return true;
  const beyondUs = info.firstEntryId !== null && compareStreamIds(info.firstEntryId, lastId) > 0;
  return beyondUs && (maxDeleted === null || compareStreamIds(maxDeleted, lastId) < 0);
}

/**
 * Follows the global stream with one connection. Each round first reads what is there together
 * with the stream's metadata in one MULTI (so a trim or restart is noticed before its entries are
 * trusted), and only blocks when caught up.
 *
 * When Redis comes back as a new instance (run_id changed) and our last entry is gone with it, the
 * reader keeps its position if it was caught up when the connection broke (its last read returned
 * less than a full batch): the new instance's entries all have later ids and are delivered in
 * order. It still resets, since an append in flight at the crash may be lost. If it was working
 * through a backlog, it cannot know what it missed: it resets and skips to the stream's end.
 */
export class GlobalStreamReader {
  private lastId: string | undefined;
  private runId: string | undefined;
  private generation = 0;
  private checkedGeneration = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** The last read returned a full batch: more was waiting. */
  private behind = false;
  private failing = false;
  private caughtUpAtFailure = false;
  /** Following a restarted server whose stream starts after our position. */
  private followingNewStream = false;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly blockMs: number,
    private readonly logger: Logger,
    private readonly hooks: ReaderHooks,
    start: StartPosition | undefined
  ) {
    this.lastId = start?.lastId;
    this.runId = start?.runId;
    redis.on("ready", () => {
      this.generation += 1;
      this.wake?.();
    });
  }

  run(): void {
    this.loop ??= this.runLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.redis.disconnect();
    await this.loop;
  }

  private async runLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.step();
        this.failing = false;
        if (!this.stopped) this.hooks.health(true);
      } catch (error) {
        if (this.stopped) break;
        if (!this.failing) this.caughtUpAtFailure = !this.behind;
        this.failing = true;
        this.logger.debug({ err: (error as Error).message }, "event log reader round failed");
        this.hooks.health(false);
        await this.pause();
      }
    }
  }

  private async step(): Promise<void> {
    if (this.redis.status === "wait") await this.redis.connect();
    if (this.redis.status !== "ready") throw new Error(`reader connection is ${this.redis.status}`);
    const generation = this.generation;
    if (generation !== this.checkedGeneration) {
      await this.checkServerInstance();
      this.checkedGeneration = generation;
    }
    if (this.lastId === undefined) {
      // start() could not reach Redis: events may have been appended before we got here.
      this.lastId = await streamEnd(this.redis, this.key);
      this.hooks.reset("the event log was unreachable when the reader started");
      return;
    }
    const snapshot = await this.readSnapshot(this.lastId);
    if (positionLost(this.lastId, snapshot.info, this.followingNewStream)) {
      this.logger.warn({ lastId: this.lastId }, "event log reader lost its place (trimmed or restarted); resyncing");
      this.lastId = snapshot.info?.lastGeneratedId ?? "0-0";
      this.hooks.reset("the event log was trimmed past this reader or lost its data");
      return;
    }
    this.behind = snapshot.entries.length >= BATCH;
    if (snapshot.entries.length > 0) return this.consume(snapshot.entries);

    const reply = await this.redis.xread("COUNT", BATCH, "BLOCK", this.blockMs, "STREAMS", this.key, this.lastId);
    // After a reconnect the blocked read may have been answered by another server instance:
    // only trust it once the next snapshot has checked the stream.
    if (this.stopped || generation !== this.generation) return;
    const entries = reply?.[0]?.[1];
    this.behind = (entries?.length ?? 0) >= BATCH;
    if (entries && entries.length > 0) this.consume(entries);
  }

  private async checkServerInstance(): Promise<void> {
    const runId = parseRunId(await this.redis.info("server"));
    const restarted = this.runId !== undefined && runId !== this.runId;
    this.runId = runId;
    if (!restarted || this.lastId === undefined || this.lastId === "0-0") return;
    const kept = (await this.redis.xrange(this.key, this.lastId, this.lastId)).length > 0;
    if (kept) {
      this.logger.info("Redis restarted with its data; continuing where the reader was");
    } else if (this.caughtUpAtFailure) {
      // Its entries are all new ones, so keep reading from here; but an append that landed after our
      // last read and before the crash is gone, and an org with no later event would never show the
      // jump. Nothing proves it did not happen: everyone resyncs.
      this.logger.warn("Redis restarted without our last entry; following its new stream, resyncing");
      this.followingNewStream = true;
      this.hooks.reset("Redis restarted without its data; entries appended just before may be lost");
    } else {
      this.logger.warn("Redis restarted while this reader was behind; unread events are lost, resyncing");
      this.lastId = await streamEnd(this.redis, this.key);
      this.hooks.reset("Redis restarted while live events were unread");
    }
  }

  private async readSnapshot(lastId: string): Promise<{ info: StreamInfo | null; entries: RawEntry[] }> {
    const results = await this.redis.multi().xinfo("STREAM", this.key).xread("COUNT", BATCH, "STREAMS", this.key, lastId).exec();
    if (!results) throw new Error("MULTI aborted");
    const [infoResult, readResult] = results;
    let info: StreamInfo | null = null;
    if (infoResult?.[0]) {
      if (!isNoSuchKeyError(infoResult[0])) throw infoResult[0];
    } else {
      info = parseStreamInfo(infoResult?.[1]);
    }
    if (readResult?.[0]) throw readResult[0];
    const reply = readResult?.[1] as [string, RawEntry[]][] | null | undefined;
    return { info, entries: reply?.[0]?.[1] ?? [] };
  }

  private consume(entries: readonly RawEntry[]): void {
    const last = entries[entries.length - 1];
    if (last) this.lastId = last[0];
    this.followingNewStream = false;
    this.hooks.deliver(entries);
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.min(this.blockMs, 1000));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
