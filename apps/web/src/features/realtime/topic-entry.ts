/** A topic no view uses any more is dropped this long after: moving between pages that share it asks nothing. */
export const RELEASE_DELAY_MS = 3000;

/**
 * queued: to ask for on this connection; asked: topics:subscribe sent; joining: named by this
 * connection's handshake, held once its replay is done; held: the buffer covers it.
 */
type State = "queued" | "asked" | "joining" | "held";

/** One topic of the tab: how many views show it and how far its subscription has come. */
export interface Entry {
  refs: number;
  /** The oldest snapshot the topic was asked for before it was sent: its backfill starts there. */
  since: number;
  state: State;
  /** The connection an `asked` request went out on (answers from an older one are ignored). */
  connection: number;
  /** Where a `joining` topic's handshake replay starts. */
  start: number;
  releasedAt: number | null;
  /** The last answer was a failure on the node's side (its database): asked again, and meanwhile its views lag. */
  failed: boolean;
}

/** A topic a view just asked for, from its snapshot at `since`. */
export function newEntry(since: number): Entry {
  return { refs: 1, since, state: "queued", connection: 0, start: since, releasedAt: null, failed: false };
}

/** No view has shown it for RELEASE_DELAY_MS, and no subscription of it awaits an answer. */
export function isDroppable(entry: Entry, now: number): boolean {
  if (entry.refs > 0 || entry.releasedAt === null || entry.releasedAt + RELEASE_DELAY_MS > now) return false;
  return entry.state === "queued" || entry.state === "held";
}

/** When the next released topic is due to be dropped (null: none is); one being subscribed waits for its answer, which sweeps again. */
export function nextReleaseDue(entries: Iterable<Entry>): number | null {
  let due: number | null = null;
  for (const entry of entries) {
    if (entry.refs > 0 || entry.releasedAt === null || (entry.state !== "queued" && entry.state !== "held")) continue;
    due = Math.min(due ?? Number.POSITIVE_INFINITY, entry.releasedAt + RELEASE_DELAY_MS);
  }
  return due;
}
