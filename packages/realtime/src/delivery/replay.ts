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
  log: { readSince(orgId: string, afterSeq: number, published?: number): Promise<ReplayRead> },
  logger: Logger,
  orgId: string,
  lastSeq: number | undefined,
  wanted: () => boolean,
  published?: number
): Promise<ReplayRead | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      // No lastSeq: ask for nothing but the head, and start from there. After a failed read the
      // log may have been down (and lost events) since `published` was read: ask the database again.
      return await log.readSince(orgId, lastSeq ?? Number.MAX_SAFE_INTEGER, attempt === 0 ? published : undefined);
    } catch (error) {
      if (!wanted()) return undefined;
      if (attempt === 0) logger.warn({ err: error, orgId }, "replay read failed; retrying until the event log is back");
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
      if (!wanted()) return undefined;
    }
  }
}

export interface ReplayPaging {
  /** Most events per `sync:page`. */
  pageEvents: number;
  /** How long a console may take to acknowledge a page before the replay gives up on it. */
  ackTimeoutMs: number;
}

export class PageAckTimeoutError extends Error {
  constructor(ms: number) {
    super(`the console did not acknowledge a replay page within ${ms} ms`);
  }
}

/** What a replay covers: the socket's place in the stream, and where each of its topics starts (see startOfEvent). */
export interface ReplayRange {
  /** The socket has every event of its held topics up to here; later ones are new to it. */
  position: number;
  /** The seq after which an event is wanted (infinite: not of the socket's topics). */
  startOf: (event: DomainEvent) => number;
}

/**
 * Sends the missed events the viewer may see, in order, in pages: each page but the last waits for
 * the console's acknowledgement, so a long gap never becomes one huge frame or a write queue the
 * node cannot drain. The last page is not waited for: what follows it (sync:done, live events)
 * goes out behind it on the same socket, so it arrives in order anyway, and waiting cost every
 * reconnect a round trip and a write of its own. `floor` is the last seq covered, seen or not.
 */
export async function replayMissed(
  target: SyncTarget,
  read: { events: DomainEvent[]; headSeq: number },
  range: ReplayRange | undefined,
  db: DbClient,
  access: AccessWatch,
  paging: ReplayPaging
): Promise<ReplayOutcome> {
  if (range === undefined) return { kind: "done", floor: read.headSeq, replayed: 0 };
  const lastSeq = range.position;
  if (read.events.length === 0 && read.headSeq < lastSeq) {
    // Ahead of the log is fine while the relay catches up, but not ahead of what was committed.
    const committed = await currentSeq(db, target.orgId);
    if (lastSeq > committed) return { kind: "resync", reason: "gap", headSeq: read.headSeq };
  }
  let floor = lastSeq;
  let replayed = 0;
  let page: DomainEvent[] = [];
  const flush = async (): Promise<boolean> => {
    if (page.length === 0) return !target.detached;
    const events = page;
    page = [];
    replayed += events.length;
    return (await sendPage(target, events, paging.ackTimeoutMs)) === "acked" && !target.detached;
  };
  for (const event of read.events) {
    // Events up to the position only for topics being added (a page's snapshot was older).
    const isNew = event.seq > floor;
    if (!isNew && (event.seq > lastSeq || event.seq <= range.startOf(event))) continue;
    if (isNew) floor = event.seq;
    // The user's own access changes apply where they happened in the stream (G7, replay too):
    // what came before reaches the console before the change does.
    if (isNew && isUserEvent(event) && event.data.id === target.viewer.id) {
      if (!(await flush())) return { kind: "done", floor, replayed };
      access.apply(target, event);
    }
    if (target.detached) return { kind: "done", floor, replayed };
    if (event.seq <= range.startOf(event)) continue;
    const visible = viewEventFor(target.viewer, event);
    if (!visible) continue;
    // A full page goes once another event needs room: the last page is never waited for.
    if (page.length >= paging.pageEvents && !(await flush())) return { kind: "done", floor, replayed };
    page.push(visible);
  }
  if (page.length > 0 && !target.detached && target.socket.connected) {
    replayed += page.length;
    target.socket.emit("sync:page", { events: page }, ignoreAck);
  }
  return { kind: "done", floor, replayed };
}

/** The last page's acknowledgement: the console sends one, nothing waits for it. */
const ignoreAck = (): void => undefined;

/** One page, resolved when the console acknowledges it ("gone" if the socket closes first). */
function sendPage(target: SyncTarget, events: DomainEvent[], ackTimeoutMs: number): Promise<"acked" | "gone"> {
  const { socket } = target;
  if (!socket.connected) return Promise.resolve("gone");
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      socket.off("disconnect", onGone);
    };
    const onGone = () => {
      finish();
      resolve("gone");
    };
    const timer = setTimeout(() => {
      finish();
      reject(new PageAckTimeoutError(ackTimeoutMs));
    }, ackTimeoutMs);
    socket.on("disconnect", onGone);
    socket.emit("sync:page", { events }, () => {
      finish();
      resolve("acked");
    });
  });
}
