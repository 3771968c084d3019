import { canSeePresence } from "@switchboard/auth";
import type { PresenceMember, PresenceSnapshot } from "@switchboard/contracts";
import type { Logger } from "pino";
import { rooms, type RealtimeIo, type RealtimeSocket } from "../io-types";
import { Coalescer } from "../delivery/coalescer";
import { mergeEntries, type PresenceChange, type PresenceEntry, type PresenceState, type PresenceStore } from "./presence-store";
import { newerState, PresenceSummaries, type SummaryTiming } from "./presence-summaries";

const LIST_GATHER_MS = 5;

export interface PresenceTiming extends SummaryTiming {
  /** Joins and leaves within this window go out as one presence:changed per org. */
  batchMs: number;
}

/**
 * Connects sockets to the presence store and announces changes. Announcements go through the
 * Socket.IO adapter (not io.local), so with Redis every node's staff hear them, once each. Every
 * socket is counted as online; only staff sockets holding the `presence` topic (a page that shows
 * who is online) are in the room that hears the list and its changes.
 * A list carries the count and at most a page of members; changes go out as deltas, or in a
 * storm as summaries (see PresenceSummaries).
 */
export class PresenceService {
  /** This node's tabs, and the store call each is waiting on, so remove never overtakes add. */
  private readonly tabs = new Map<string, { orgId: string; entry: PresenceEntry; added: Promise<unknown> }>();
  /** The same tabs by org and user, so announcing a join does not scan every tab of the node. */
  private readonly userTabs = new Map<string, PresenceEntry[]>();
  /**
   * Lists of an org's members, one store read for every socket that wants one at once (a connect
   * storm would otherwise read and merge the whole org once per socket). Sockets in a request get
   * the list pushed as presence:snapshot, serialized once for all of them.
   */
  private readonly lists: Coalescer<string, RealtimeSocket, PresenceSnapshot>;
  /** Changes not yet announced, per org: a user is in `joined` or `left`, whichever happened last. */
  private readonly pending = new Map<string, { joined: Map<string, PresenceMember>; left: Set<string>; state?: PresenceState }>();
  private readonly summaries: PresenceSummaries;
  private flushTimer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly io: RealtimeIo,
    private readonly store: PresenceStore,
    private readonly logger: Logger,
    /** Whether the socket holds the `presence` topic. */
    private readonly follows: (socket: RealtimeSocket) => boolean,
    private readonly timing: PresenceTiming = { batchMs: 50, pageSize: 20, summaryMs: 1_000 }
  ) {
    // Gathered like replay reads: the lists of many orgs asked for at once leave in one write.
    this.lists = new Coalescer((orgId, requests) => this.readLists(orgId, requests), { gatherMs: LIST_GATHER_MS });
    this.summaries = new PresenceSummaries(io, store, logger, timing);
  }

  start(): Promise<void> {
    return this.store.start({ change: (change) => this.announce(change), lost: (orgIds) => this.resendSnapshots(orgIds) });
  }

  connect(socket: RealtimeSocket): void {
    const { user, connectedAt } = socket.data;
    const entry: PresenceEntry = { socketId: socket.id, userId: user.id, name: user.name, role: user.role, since: connectedAt };
    const listening = this.join(socket);
    const added = this.store.add(user.orgId, entry).then(async (change) => {
      this.announce(change);
      if (listening && socket.connected) await this.lists.request(user.orgId, socket);
    });
    added.catch((error: unknown) => this.logger.warn({ err: error, socketId: socket.id }, "presence connect failed"));
    this.tabs.set(socket.id, { orgId: user.orgId, entry, added });
    const key = userKey(user.orgId, user.id);
    const tabs = this.userTabs.get(key);
    if (tabs) tabs.push(entry);
    else this.userTabs.set(key, [entry]);
  }

  disconnect(socket: RealtimeSocket): void {
    const tab = this.tabs.get(socket.id);
    if (!tab) return;
    this.tabs.delete(socket.id);
    const key = userKey(tab.orgId, tab.entry.userId);
    const rest = this.userTabs.get(key)?.filter((entry) => entry !== tab.entry) ?? [];
    if (rest.length > 0) this.userTabs.set(key, rest);
    else this.userTabs.delete(key);
    if (this.closing) return;
    void tab.added
      .catch(() => undefined)
      .then(() => this.store.remove(tab.orgId, tab.entry))
      .then((change) => this.announce(change))
      .catch((error: unknown) => this.logger.warn({ err: error, socketId: socket.id }, "presence disconnect failed"));
  }

  /**
   * The socket now holds the `presence` topic: it joins the room and is sent the list (once its own
   * entry is in the store, so the list has it). No-op for a role that may not see presence.
   */
  follow(socket: RealtimeSocket): void {
    const tab = this.tabs.get(socket.id);
    if (!tab || !this.join(socket)) return;
    void tab.added
      .catch(() => undefined)
      .then(() => (socket.connected ? this.lists.request(tab.orgId, socket) : undefined))
      .catch((error: unknown) => this.logger.warn({ err: error, socketId: socket.id }, "presence list for a new follower failed"));
  }

  /** The socket's page no longer shows who is online: it stops hearing changes. */
  unfollow(socket: RealtimeSocket): void {
    void socket.leave(rooms.presence(socket.data.user.orgId));
  }

  /**
   * The socket's user changed role or name: its entry is replaced (others see the new role) and it
   * joins or leaves the presence room as its new role allows.
   */
  refresh(socket: RealtimeSocket): void {
    if (!this.tabs.has(socket.id)) return;
    this.disconnect(socket);
    const { orgId, id } = socket.data.user;
    this.unfollow(socket);
    this.connect(socket);
    // With other tabs open the store sees no join or leave; staff must still learn the new role.
    this.announce({ orgId, joined: [id], left: [] });
  }

  /** An explicit re-read (presence:list): fresh from the store, never the recent list a connect storm shares. */
  list(orgId: string): Promise<PresenceSnapshot> {
    return this.summaries.fresh(orgId);
  }

  isHealthy(): boolean {
    return this.store.isHealthy();
  }

  /** graceful: tell everyone this node's users left (unless they have tabs elsewhere). */
  async close(graceful: boolean): Promise<void> {
    this.closing = true;
    const changes = await this.store.close(graceful);
    this.summaries.stop();
    for (const change of changes) this.announce(change);
    // The store is closed: no list to summarize, so even a large org hears these leaves as a delta.
    this.flush(true);
  }

  /**
   * Queues the change for the org's staff (through the adapter: every node's staff, once). A
   * connect storm of N users would otherwise send each of M staff consoles N messages.
   */
  private announce(change: PresenceChange): void {
    if (change.joined.length === 0 && change.left.length === 0) return;
    let delta = this.pending.get(change.orgId);
    if (!delta) {
      delta = { joined: new Map(), left: new Set() };
      this.pending.set(change.orgId, delta);
    }
    for (const userId of change.joined) {
      const member = this.localMember(change.orgId, userId);
      if (!member) continue;
      delta.left.delete(userId);
      delta.joined.set(userId, member);
    }
    for (const userId of change.left) {
      delta.joined.delete(userId);
      delta.left.add(userId);
    }
    delta.state = newerState(delta.state, change.state);
    this.flushTimer ??= setTimeout(() => this.flush(), this.timing.batchMs);
  }

  private flush(deltasOnly = false): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [orgId, { joined, left, state: changed }] of this.pending) {
      if (joined.size === 0 && left.size === 0) continue;
      const state = this.summaries.remember(orgId, changed);
      if (!state || !(deltasOnly || this.summaries.admitDelta(orgId, joined.size + left.size))) {
        this.summaries.schedule(orgId);
        continue;
      }
      this.io.to(rooms.presence(orgId)).emit("presence:changed", { joined: [...joined.values()], left: [...left], ...state });
    }
    this.pending.clear();
  }

  /** Each node refreshes its own staff consoles (io.local): together that reaches everyone once. */
  private resendSnapshots(orgIds: string[]): void {
    for (const orgId of orgIds) {
      this.summaries
        .fresh(orgId)
        .then((snapshot) => this.io.local.to(rooms.presence(orgId)).emit("presence:snapshot", snapshot))
        .catch((error: unknown) => this.logger.warn({ err: error, orgId }, "presence snapshot refresh failed"));
    }
  }

  private async readLists(orgId: string, requests: readonly RealtimeSocket[]): Promise<PresenceSnapshot[]> {
    const snapshot = await this.summaries.forFollowers(orgId);
    const push = requests.filter((socket) => socket.connected).map((socket) => socket.id);
    if (push.length > 0) this.io.local.to(push).emit("presence:snapshot", snapshot);
    return requests.map(() => snapshot);
  }

  /** Puts the socket in its org's presence room when its role and topics call for it. */
  private join(socket: RealtimeSocket): boolean {
    const listening = canSeePresence(socket.data.user) && this.follows(socket);
    if (listening) void socket.join(rooms.presence(socket.data.user.orgId));
    return listening;
  }

  private localMember(orgId: string, userId: string): PresenceMember | undefined {
    return mergeEntries(this.userTabs.get(userKey(orgId, userId)) ?? [])[0];
  }
}

function userKey(orgId: string, userId: string): string {
  return `${orgId}|${userId}`;
}
