import { viewEventFor } from "@switchboard/auth";
import type { DomainEvent, ResyncReason } from "@switchboard/contracts";
import { currentSeq, type DbClient } from "@switchboard/db";
import type { Logger } from "pino";
import { isUserEvent, type AccessWatch } from "../access/access-watch";
import type { ReplayRead } from "./shared-org-reader";
import type { SyncTarget } from "./sync-target";

export type ReplayOutcome = { kind: "done"; floor: number; replayed: number } | { kind: "resync"; reason: ResyncReason; headSeq: number };

/**
 * Reads what a console missed, retrying while the event log is unreachable (the console waits,
 * it does not lose anything) until the read is no longer wanted (socket gone, sync superseded).
 */
export async function readWithRetry(
  log: { readSince(orgId: string, afterSeq: number): Promise<ReplayRead> },
  logger: Logger,
  orgId: string,
  lastSeq: number | undefined,
  wanted: () => boolean
): Promise<ReplayRead | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      // No lastSeq: ask for nothing but the head, and start from there.
      return await log.readSince(orgId, lastSeq ?? Number.MAX_SAFE_INTEGER);
    } catch (error) {
      if (!wanted()) return undefined;
      if (attempt === 0) logger.warn({ err: error, orgId }, "replay read failed; retrying until the event log is back");
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
      if (!wanted()) return undefined;
    }
  }
}

/** Sends the missed events the viewer may see, in order; `floor` is the last seq covered, seen or not. */
export async function replayMissed(
  target: SyncTarget,
  read: { events: DomainEvent[]; headSeq: number },
  lastSeq: number | undefined,
  db: DbClient,
  access: AccessWatch
): Promise<ReplayOutcome> {
  if (lastSeq === undefined) return { kind: "done", floor: read.headSeq, replayed: 0 };
  if (read.events.length === 0 && read.headSeq < lastSeq) {
    // Ahead of the log is fine while the relay catches up, but not ahead of what was committed.
    const committed = await currentSeq(db, target.orgId);
    if (lastSeq > committed) return { kind: "resync", reason: "gap", headSeq: read.headSeq };
  }
  let floor = lastSeq;
  let replayed = 0;
  for (const event of read.events) {
    if (event.seq <= floor) continue;
    floor = event.seq;
    // The user's own access changes apply where they happened in the stream (G7, replay too).
    if (isUserEvent(event) && event.data.id === target.viewer.id) access.apply(target, event);
    if (target.detached) return { kind: "done", floor, replayed };
    const visible = viewEventFor(target.viewer, event);
    if (!visible) continue;
    target.socket.emit("event", visible);
    replayed++;
  }
  return { kind: "done", floor, replayed };
}
