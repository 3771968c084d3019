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

/** Consoles a node sends one org's summary to per `summaryMs`, at most (see schedule). */
const SUMMARY_AUDIENCE = 1_000;

/** The newer of two states (by version). */
export function newerState(a: PresenceState | undefined, b: PresenceState | undefined): PresenceState | undefined {
  if (!a) return b;
  return b && b.version >= a.version ? b : a;
}

/**
 * Lists as consoles get them, and what goes out when people come and go. A list is the count and
 * at most a page of members. Changes go out as deltas while an org's deltas since the start of
 * the current `summaryMs` interval name at most a fifth of a page of people; past that (a connect
 * storm of a large org, where every staff console would otherwise receive the whole org joiner by
 * joiner) the rest of the interval's changes become one fresh snapshot at its end. Either way a
 * console gets little more than a page a second, however large its org grows.
 */
export class PresenceSummaries {
  /** The newest state this node has seen per org (of a change or a list). */
  private readonly known = new Map<string, PresenceState>();
  /** Orgs whose staff are due a fresh snapshot. */
  private readonly due = new Map<string, NodeJS.Timeout>();
  /** People named in each org's deltas since the start of its current interval. */
  private readonly sent = new Map<string, { since: number; people: number }>();
  /**
   * The last list read of each org past a page, shared by consoles that start following while a
   * summary is due (it is read after they joined, so nothing since the read escapes them).
   * Without it, a connect storm reads and sorts the whole org for every few sockets.
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

  /** Whether a delta naming `people` may go out now; if not, a summary is due. */
  admitDelta(orgId: string, people: number): boolean {
    if (this.due.has(orgId)) return false;
    const now = performance.now();
    let sent = this.sent.get(orgId);
    if (!sent || now - sent.since >= this.timing.summaryMs) {
      sent = { since: now, people: 0 };
      this.sent.set(orgId, sent);
    }
    if (sent.people + people <= Math.max(1, Math.floor(this.timing.pageSize / 5))) {
      sent.people += people;
      return true;
    }
    this.schedule(orgId);
    return false;
  }

  /**
   * A fresh snapshot to the org's staff on every node, once `summaryMs` has passed (changes
   * meanwhile ride along) — longer for an org followed by many consoles here, so a node sends
   * summaries to about a thousand consoles per `summaryMs` per org at most.
   */
  schedule(orgId: string): void {
    if (this.due.has(orgId)) return;
    const followers = this.io.of("/").adapter.rooms.get(rooms.presence(orgId))?.size ?? 0;
    const delayMs = this.timing.summaryMs * Math.max(1, followers / SUMMARY_AUDIENCE);
    const timer = setTimeout(() => {
      this.due.delete(orgId);
      this.fresh(orgId)
        .then((snapshot) => this.io.to(rooms.presence(orgId)).emit("presence:snapshot", snapshot))
        .catch((error: unknown) => this.logger.warn({ err: error, orgId }, "presence summary failed"));
    }, delayMs);
    this.due.set(orgId, timer);
  }

  /** Read now from the store. */
  async fresh(orgId: string): Promise<PresenceSnapshot> {
    return this.snapshotOf(orgId, await this.store.list(orgId));
  }

  /** For consoles that start following (already in the room): a recent read while a summary is due, else a fresh one. */
  async forFollowers(orgId: string): Promise<PresenceSnapshot> {
    const recent = this.recent.get(orgId);
    if (recent && this.due.has(orgId) && performance.now() - recent.at < this.timing.summaryMs) return recent.snapshot;
    return this.fresh(orgId);
  }

  stop(): void {
    for (const timer of this.due.values()) clearTimeout(timer);
    this.due.clear();
    this.sent.clear();
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
