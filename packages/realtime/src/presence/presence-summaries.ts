import type { PresenceSnapshot } from "@switchboard/contracts";
import type { Logger } from "pino";
import { rooms, type RealtimeIo } from "../io-types";
import type { PresenceList, PresenceState, PresenceStore } from "./presence-store";

export interface SummaryTiming {
  /** Members a list carries at most; a larger org is summarized by its count. */
  pageSize: number;
  /** Past a page, an org's staff get a fresh snapshot at most this often instead of each change. */
  summaryMs: number;
}

/** The newer of two states (by version). */
export function newerState(a: PresenceState | undefined, b: PresenceState | undefined): PresenceState | undefined {
  if (!a) return b;
  return b && b.version >= a.version ? b : a;
}

/**
 * Lists as consoles get them: the count and at most a page of members. For an org past a page,
 * joins and leaves are not sent one by one (in a connect storm every staff console would receive
 * the whole org) but as a fresh snapshot at most once per `summaryMs` per org and node, and a
 * console that starts following shortly after a read shares it: a console's cost stays the same
 * however large its org grows.
 */
export class PresenceSummaries {
  /** The newest state this node has seen per org (of a change or a list). */
  private readonly known = new Map<string, PresenceState>();
  /** Orgs past a page whose staff are due a fresh snapshot. */
  private readonly due = new Map<string, NodeJS.Timeout>();
  /**
   * The last list read of each org past a page, for consoles that start following within
   * `summaryMs` of it, followed by a fresh summary. Without it, a connect storm reads and sorts
   * the whole org for every few sockets.
   */
  private readonly recent = new Map<string, { snapshot: PresenceSnapshot; at: number }>();

  constructor(
    private readonly io: RealtimeIo,
    private readonly store: PresenceStore,
    private readonly logger: Logger,
    private readonly timing: SummaryTiming
  ) {}

  /** Keeps the newest state of the org and returns it. */
  remember(orgId: string, state: PresenceState | undefined): PresenceState | undefined {
    const newest = newerState(this.known.get(orgId), state);
    if (newest) this.known.set(orgId, newest);
    return newest;
  }

  /** A fresh snapshot to the org's staff on every node, once `summaryMs` has passed (changes meanwhile ride along). */
  schedule(orgId: string): void {
    if (this.due.has(orgId)) return;
    const timer = setTimeout(() => {
      this.due.delete(orgId);
      this.fresh(orgId)
        .then((snapshot) => this.io.to(rooms.presence(orgId)).emit("presence:snapshot", snapshot))
        .catch((error: unknown) => this.logger.warn({ err: error, orgId }, "presence summary failed"));
    }, this.timing.summaryMs);
    this.due.set(orgId, timer);
  }

  /** Read now from the store. */
  async fresh(orgId: string): Promise<PresenceSnapshot> {
    return this.snapshotOf(orgId, await this.store.list(orgId));
  }

  /** For consoles that start following: a recent read of a large org, else a fresh one. */
  async forFollowers(orgId: string): Promise<PresenceSnapshot> {
    const recent = this.recent.get(orgId);
    if (!recent || performance.now() - recent.at >= this.timing.summaryMs) return this.fresh(orgId);
    // A summary of a change made since may have gone out before these consoles joined the room.
    this.schedule(orgId);
    return recent.snapshot;
  }

  stop(): void {
    for (const timer of this.due.values()) clearTimeout(timer);
    this.due.clear();
  }

  private snapshotOf(orgId: string, list: PresenceList): PresenceSnapshot {
    const total = list.members.length;
    this.remember(orgId, { total, version: list.version });
    const snapshot = { members: list.members.slice(0, this.timing.pageSize), total, version: list.version };
    const recent = this.recent.get(orgId);
    // Reads may complete out of order: keep the newest.
    if (recent && recent.snapshot.version > snapshot.version) return snapshot;
    if (total > this.timing.pageSize) this.recent.set(orgId, { snapshot, at: performance.now() });
    else this.recent.delete(orgId);
    return snapshot;
  }
}
