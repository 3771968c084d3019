import type { Topic } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import type { Logger } from "pino";
import type { AccessWatch } from "../access/access-watch";
import { readWithRetry, replayMissed, type ReplayOutcome, type ReplayPaging, type ReplayRange } from "./replay";
import type { SharedOrgReader } from "./shared-org-reader";
import type { SyncTarget } from "./sync-target";
import { startOfEvent } from "./topic-sets";

/** What a replay needs from the node: the shared log reader, the database, access changes, paging, and the node's head per org. */
export interface CatchUpDeps {
  reader: SharedOrgReader;
  db: DbClient;
  access: AccessWatch;
  logger: Logger;
  replayPaging: ReplayPaging;
  headOf(orgId: string): number;
}

/** Where a sync's replay starts reading and what it sends: handshake topics may start before `lastSeq`. */
export function syncRange(target: SyncTarget, lastSeq: number | undefined): (ReplayRange & { from: number }) | undefined {
  const starts = target.starts;
  target.starts = undefined;
  if (lastSeq === undefined) return undefined;
  const early = new Map([...(starts ?? [])].filter(([, start]) => start < lastSeq));
  const from = Math.min(lastSeq, ...early.values());
  return { from, position: lastSeq, startOf: startOfEvent(target.topics, early, lastSeq) };
}

/**
 * A (re)connect's replay: what the log holds after the range's start, or why the console must
 * refetch. `published`: the relay's published head as the handshake read it, if this is its sync.
 */
export async function readAndReplay(
  deps: CatchUpDeps,
  target: SyncTarget,
  lastSeq: number | undefined,
  range: (ReplayRange & { from: number }) | undefined,
  wanted: () => boolean,
  published?: number
): Promise<ReplayOutcome | undefined> {
  try {
    const read = await readWithRetry(deps.reader, deps.logger, target.orgId, range?.from, wanted, published);
    if (!read || !wanted()) return undefined;
    if (read.kind === "resync") return { kind: "resync", reason: "retention", headSeq: read.headSeq };
    if (read.kind === "lost") return { kind: "resync", reason: "gap", headSeq: read.headSeq };
    return await replayMissed(target, read, range, deps.db, deps.access, deps.replayPaging);
  } catch (error) {
    // Never leave a socket stuck buffering: it goes live from where this node is and refetches.
    deps.logger.error({ err: error, socketId: target.socket.id }, "sync failed; telling the console to resync");
    return wanted() ? { kind: "resync", reason: "server", headSeq: Math.max(deps.headOf(target.orgId), lastSeq ?? 0) } : undefined;
  }
}

export interface TopicAddition {
  /** Every topic held once the addition is done, and those it adds. */
  held: ReadonlySet<string>;
  added: readonly Topic[];
  /** The seq the page's snapshot was read at, and where the socket stands. */
  since: number;
  position: number;
}

/**
 * A subscription's backfill: the added topics' events after the page's snapshot, and everything
 * of every held topic after the socket's position. A log that no longer reaches back to `since`
 * is not an error: the added topics start at `position` (`backfilled` false: the page refetches).
 */
export async function backfill(
  deps: CatchUpDeps,
  target: SyncTarget,
  addition: TopicAddition,
  wanted: () => boolean
): Promise<{ outcome: ReplayOutcome; backfilled: boolean } | undefined> {
  const { held, added, since, position } = addition;
  const range: ReplayRange = { position, startOf: startOfEvent(held, new Map(added.map((topic) => [topic, since])), position) };
  try {
    const read = await readWithRetry(deps.reader, deps.logger, target.orgId, since, wanted);
    if (!read || !wanted()) return undefined;
    if (read.kind !== "events") return { outcome: { kind: "done", floor: position, replayed: 0 }, backfilled: false };
    return { outcome: await replayMissed(target, read, range, deps.db, deps.access, deps.replayPaging), backfilled: true };
  } catch (error) {
    deps.logger.error({ err: error, socketId: target.socket.id }, "topic backfill failed; telling the console to resync");
    return wanted() ? { outcome: { kind: "resync", reason: "server", headSeq: Math.max(deps.headOf(target.orgId), position) }, backfilled: false } : undefined;
  }
}
