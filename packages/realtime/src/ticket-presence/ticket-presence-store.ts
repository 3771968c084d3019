import type { Role, TicketViewers, TicketWatcher } from "@switchboard/contracts";

/** One tab on one ticket. Times are the store's clock (ms), so every node agrees on expiry. */
export interface WatchEntry {
  socketId: string;
  userId: string;
  name: string;
  role: Role;
  since: string;
  /** Typing shows until then; 0 = not typing. */
  typingUntil: number;
  /** The entry is gone after this unless its node refreshes it first. */
  expiresAt: number;
}

/** What a node asks the store to write: expiry and typing deadlines are stamped by the store's clock. */
export type WatchInput = Omit<WatchEntry, "typingUntil" | "expiresAt">;

/**
 * typing: true = replying (until typingTtlMs from now), false = stopped,
 * "keep" = a heartbeat: extend the entry's life and leave typing as it is.
 */
export type TypingChange = boolean | "keep";

/**
 * Who is on which ticket, across all nodes. Each entry expires on its own unless its node
 * refreshes it, so a crashed node's viewers vanish within ttlMs with nobody sweeping for them.
 * Every call returns the ticket's viewers as of that operation, read atomically with it.
 */
export interface TicketPresenceStore {
  readonly kind: "redis" | "memory";
  start(): Promise<void>;
  put(ticketId: string, input: WatchInput, typing: TypingChange): Promise<TicketViewers>;
  remove(ticketId: string, socketId: string): Promise<TicketViewers>;
  read(ticketIds: readonly string[]): Promise<TicketViewers[]>;
  /** Heartbeat for this node's entries (re-creating any the store lost), in one round trip. */
  refresh(entries: ReadonlyArray<{ ticketId: string; input: WatchInput }>): Promise<void>;
  /** graceful: say goodbye to the store; otherwise just drop the connection, like a crash. */
  close(graceful: boolean): Promise<void>;
}

/** Live entries of a ticket merged into one viewer per user (typing in any tab = typing). */
export function viewersOf(ticketId: string, entries: Iterable<WatchEntry>, now: number): TicketViewers {
  const byUser = new Map<string, TicketWatcher>();
  for (const entry of entries) {
    if (entry.expiresAt <= now) continue;
    const typing = entry.typingUntil > now;
    const viewer = byUser.get(entry.userId);
    if (!viewer) {
      byUser.set(entry.userId, { userId: entry.userId, name: entry.name, role: entry.role, typing, since: entry.since });
      continue;
    }
    viewer.typing ||= typing;
    if (entry.since < viewer.since) viewer.since = entry.since;
  }
  const viewers = [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since) || a.userId.localeCompare(b.userId));
  return { ticketId, viewers, at: now };
}

/** What a viewer list looks like to a person (who is there, who types), to tell a real change from a refresh. */
export function digestOf(snapshot: TicketViewers): string {
  return snapshot.viewers.map((v) => `${v.userId}${v.typing ? "+" : ""}`).join(",");
}
