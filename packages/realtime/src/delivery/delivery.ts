import { viewEventFor } from "@switchboard/auth";
import {
  carriesEvents,
  MAX_TOPICS_PER_SOCKET,
  topicsMatch,
  type DomainEvent,
  type ResyncReason,
  type SyncResult,
  type Topic,
  type TopicsSubscribed
} from "@switchboard/contracts";
import { publishedSeq, type DbClient } from "@switchboard/db";
import type { EventLog } from "@switchboard/events";
import type { Logger } from "pino";
import type { RealtimeIo, RealtimeSocket } from "../io-types";
import type { RealtimeMetrics } from "../ops/metrics";
import { isUserEvent, type AccessWatch } from "../access/access-watch";
import { backfill, readAndReplay, syncRange, type CatchUpDeps } from "./catch-up";
import type { ReplayPaging } from "./replay";
import { SharedOrgReader } from "./shared-org-reader";
import { broadcastLive } from "./broadcast";
import { lastSentAt } from "./coalesce-frames";
import { deliveryStats } from "./delivery-stats";
import { newTarget, settle, untilSettled, type OrgDelivery, type SyncTarget } from "./sync-target";
import { handshakeTopics, TopicLimitError, TopicSets } from "./topic-sets";

export interface DeliveryDeps {
  io: RealtimeIo;
  log: EventLog;
  db: DbClient;
  logger: Logger;
  metrics: RealtimeMetrics;
  replayBufferLimit: number;
  replayPaging: ReplayPaging;
  /** Applies each user's access changes to their sockets, in stream order (G7). */
  access: AccessWatch;
}

export class SyncBusyError extends Error {
  constructor() {
    super("a sync is already running for this connection; wait for sync:done");
  }
}

/**
 * Delivery from the event log to this node's sockets: one viewEventFor per live socket and one
 * serialization per distinct view per event, replay before live for every (re)connecting socket, no gap, no duplicate.
 */
export class Delivery {
  private readonly orgs = new Map<string, OrgDelivery>();
  private readonly targets = new Map<string, SyncTarget>();
  /** The same targets by user, so a user's access change finds their sockets without a scan. */
  private readonly byUser = new Map<string, Set<SyncTarget>>();
  /** Highest seq per org this node's log subscription has delivered. */
  private readonly heads = new Map<string, number>();
  private readonly stoppers: Array<() => void> = [];
  /** Replay reads (one per organization for all the sockets that ask at once) and what replays need. */
  private readonly catchUp: CatchUpDeps;
  private readonly topicSets = new TopicSets();

  constructor(private readonly deps: DeliveryDeps) {
    const reader = new SharedOrgReader(deps.log, (orgId) => publishedSeq(deps.db, orgId));
    this.catchUp = { ...deps, reader, headOf: (orgId) => this.heads.get(orgId) ?? 0 };
  }

  start(): void {
    this.stoppers.push(this.deps.log.subscribe((event) => this.onEvent(event)));
    this.stoppers.push(
      this.deps.log.onReset(() => {
        this.resyncEveryone("server");
        // A lost user.* event would leave a socket with access it lost: re-read every socket's user.
        void this.deps.access.revalidate([...this.targets.values()]);
      })
    );
  }

  stop(): void {
    for (const off of this.stoppers.splice(0)) off();
  }

  /** Called synchronously on connect, before anything async, so no live event can slip past. `topics`: see handshakeTopics. */
  attach(socket: RealtimeSocket, topics?: Partial<Record<Topic, number>>): void {
    const viewer = socket.data.user;
    const held = handshakeTopics(viewer, topics);
    const target = newTarget(socket, this.topicSets.of(held.topics), held.starts);
    this.targets.set(socket.id, target);
    const mine = this.byUser.get(viewer.id);
    if (mine) mine.add(target);
    else this.byUser.set(viewer.id, new Set([target]));
    const org = this.org(viewer.orgId);
    org.sockets++;
    org.pending.add(target);
  }

  detach(socket: RealtimeSocket): void {
    const target = this.targets.get(socket.id);
    if (!target) return;
    target.detached = true;
    settle(target);
    this.targets.delete(socket.id);
    const mine = this.byUser.get(target.viewer.id);
    mine?.delete(target);
    if (mine?.size === 0) this.byUser.delete(target.viewer.id);
    const org = this.orgs.get(target.orgId);
    if (!org) return;
    org.live.delete(target);
    org.pending.delete(target);
    org.sockets--;
    if (org.sockets <= 0) this.orgs.delete(target.orgId);
  }

  /**
   * Replays what the socket missed after `lastSeq` (undefined: nothing, start from the head), then
   * emits sync:done (or sync:resync) and lets it go live. Retries while the log is unreachable.
   */
  async sync(socket: RealtimeSocket, lastSeq: number | undefined, published?: number): Promise<SyncResult | undefined> {
    const target = this.targets.get(socket.id);
    if (!target) return undefined;
    if (target.state === "replaying" && target.generation > 0) throw new SyncBusyError();
    const generation = this.beginReplay(target);
    const range = syncRange(target, lastSeq);

    const wanted = () => !target.detached && target.generation === generation;
    const outcome = await readAndReplay(this.catchUp, target, lastSeq, range, wanted, published);
    if (!outcome) return undefined;
    if (target.detached || target.generation !== generation) return undefined;
    if (outcome.kind === "resync") return this.finishWithResync(target, outcome.reason, outcome.headSeq);

    target.floor = outcome.floor;
    target.socket.data.lastSeq = outcome.floor;
    this.deps.metrics.replay(outcome.replayed);
    const done = { seq: outcome.floor, replayed: outcome.replayed };
    target.socket.emit("sync:done", done);
    this.release(target);
    return { status: "done", ...done };
  }

  /**
   * Adds `topics` for a page whose snapshot was read at `since`: the events of the new topics after
   * `since` (and anything else the socket is owed) go out as sync:pages before any later live event.
   * Waits for a replay already running. Undefined when the socket went away meanwhile.
   */
  async subscribe(socket: RealtimeSocket, topics: readonly Topic[], since: number): Promise<TopicsSubscribed | undefined> {
    const target = this.targets.get(socket.id);
    if (!target) return undefined;
    while (target.state === "replaying") {
      await untilSettled(target);
      if (target.detached) return undefined;
    }
    const added = topics.filter((topic) => !target.topics.has(topic));
    const held = this.topicSets.of([...target.topics, ...added]);
    if (held.size > MAX_TOPICS_PER_SOCKET) throw new TopicLimitError();
    const position = Math.max(target.floor, this.heads.get(target.orgId) ?? 0);
    target.topics = held;
    // Nothing to send before going on: no new topic has events in the log, or the page is not older
    // than where the socket stands.
    if (!added.some(carriesEvents) || since >= position) return { topics: [...held] as Topic[], seq: position, backfilled: true };

    const generation = this.beginReplay(target);
    const wanted = () => !target.detached && target.generation === generation;
    const done = await backfill(this.catchUp, target, { held, added, since, position }, wanted);
    if (!done) return undefined;
    const { outcome, backfilled } = done;
    if (!wanted()) return undefined;
    if (outcome.kind === "resync") {
      const resynced = this.finishWithResync(target, outcome.reason, outcome.headSeq);
      return { topics: [...held] as Topic[], seq: resynced.seq, backfilled: false };
    }
    target.floor = outcome.floor;
    target.socket.data.lastSeq = outcome.floor;
    this.deps.metrics.replay(outcome.replayed);
    this.release(target);
    return { topics: [...held] as Topic[], seq: outcome.floor, backfilled };
  }

  /** Drops topics no page of the console shows any more; answers those still held. */
  unsubscribe(socket: RealtimeSocket, topics: readonly Topic[]): Topic[] {
    const target = this.targets.get(socket.id);
    if (!target) return [];
    const dropped = new Set<string>(topics);
    target.topics = this.topicSets.of([...target.topics].filter((topic) => !dropped.has(topic)));
    return [...target.topics] as Topic[];
  }

  /** Whether the socket holds `topic` (named in its handshake or subscribed since). */
  holds(socket: RealtimeSocket, topic: Topic): boolean {
    return this.targets.get(socket.id)?.topics.has(topic) ?? false;
  }

  stats() {
    return deliveryStats(this.targets.values(), this.orgs);
  }

  /**
   * Per organization with sockets on this node, the highest seq delivered for it and the sockets
   * due a heartbeat now (the caller sends it to all of them): those the node has sent nothing
   * since `heardSince`. Any frame proves the node alive to the console's watchdog, and the
   * interval to expect came with server:status.
   */
  *heartbeatTargets(heardSince: number): Generator<{ seq: number; socketIds: string[] }> {
    for (const [orgId, org] of this.orgs) {
      const socketIds: string[] = [];
      for (const targets of [org.pending, org.live])
        for (const target of targets) if (lastSentAt(target.socket.conn) <= heardSince) socketIds.push(target.socket.id);
      if (socketIds.length > 0) yield { seq: this.heads.get(orgId) ?? 0, socketIds };
    }
  }

  /** Live events are buffered from here until release: returns the replay's generation. */
  private beginReplay(target: SyncTarget): number {
    const org = this.org(target.orgId);
    org.live.delete(target);
    target.state = "replaying";
    target.buffer = [];
    target.overflowed = false;
    org.pending.add(target);
    return ++target.generation;
  }

  private finishWithResync(target: SyncTarget, reason: ResyncReason, headSeq: number): SyncResult {
    this.deps.metrics.resync(reason);
    target.floor = headSeq;
    target.socket.data.lastSeq = headSeq;
    target.socket.emit("sync:resync", { reason, seq: headSeq });
    this.release(target);
    return { status: "resync", reason, seq: headSeq };
  }

  /** Replay done: flush what arrived meanwhile (only past the floor), then join the broadcast. */
  private release(target: SyncTarget): void {
    settle(target);
    const buffered = target.buffer;
    target.buffer = [];
    target.state = "catching-up";
    if (target.overflowed) {
      target.overflowed = false;
      const head = this.heads.get(target.orgId) ?? target.floor;
      this.finishWithResync(target, "server", Math.max(head, target.floor));
      return;
    }
    const firstNew = buffered.find((event) => event.seq > target.floor);
    if (firstNew && firstNew.seq > target.floor + 1) this.resyncBefore(target, firstNew.seq);
    for (const event of buffered) this.sendOne(target, event);
    if ((this.heads.get(target.orgId) ?? 0) >= target.floor) this.goLive(target);
  }

  private sendOne(target: SyncTarget, event: DomainEvent): void {
    if (event.seq <= target.floor) return;
    if (isUserEvent(event) && event.data.id === target.viewer.id) this.deps.access.apply(target, event);
    if (target.detached || !topicsMatch(target.topics, event)) return;
    const visible = viewEventFor(target.viewer, event);
    if (visible) {
      target.socket.emit("event", visible);
      this.deps.metrics.eventOut(1);
    }
  }

  private goLive(target: SyncTarget): void {
    const org = this.org(target.orgId);
    org.pending.delete(target);
    target.state = "live";
    org.live.add(target);
  }

  private onEvent(event: DomainEvent): void {
    const known = this.heads.get(event.orgId);
    // The log promises each event once, in order; a repeat (e.g. a re-read after reconnecting) is dropped here.
    if (known !== undefined && event.seq <= known) return;
    this.heads.set(event.orgId, event.seq);
    this.deps.metrics.eventIn();
    const org = this.orgs.get(event.orgId);
    if (!org) return;
    // Before anyone is served this event: its user's sockets get their new access (or are ended).
    if (isUserEvent(event)) for (const target of [...(this.byUser.get(event.data.id) ?? [])]) this.deps.access.apply(target, event);
    // The log checks continuity only for orgs it has delivered before; the first live event of an
    // org is checked here against where its sockets' replay ended (an event lost with a crashed Redis).
    if (known === undefined) for (const target of org.live) if (event.seq > target.floor + 1) this.resyncBefore(target, event.seq);
    broadcastLive(this.deps.io, this.deps.metrics, org.live, event);
    for (const target of org.pending) {
      if (target.state === "replaying") {
        if (target.buffer.length >= this.deps.replayBufferLimit) target.overflowed = true;
        else target.buffer.push(event);
        continue;
      }
      // Catching up, the first event past the floor must be floor + 1.
      if (event.seq > target.floor + 1) this.resyncBefore(target, event.seq);
      this.sendOne(target, event);
      if (event.seq >= target.floor) this.goLive(target);
    }
  }

  /** Events before `seq` never reached this node (lost with a crashed Redis): the console refetches, then `seq` follows. */
  private resyncBefore(target: SyncTarget, seq: number): void {
    this.deps.logger.warn({ orgId: target.orgId, floor: target.floor, seq }, "events missing before a live event; telling the console to resync");
    this.deps.metrics.resync("gap");
    target.floor = seq - 1;
    target.socket.data.lastSeq = seq - 1;
    target.socket.emit("sync:resync", { reason: "gap", seq: seq - 1 });
  }

  private resyncEveryone(reason: ResyncReason): void {
    this.deps.logger.warn("event log subscription lost its place; telling every console to resync");
    for (const target of this.targets.values()) {
      const seq = this.heads.get(target.orgId) ?? target.floor;
      this.deps.metrics.resync(reason);
      target.socket.emit("sync:resync", { reason, seq });
    }
  }

  private org(orgId: string): OrgDelivery {
    let org = this.orgs.get(orgId);
    if (!org) {
      org = { live: new Set(), pending: new Set(), sockets: 0 };
      this.orgs.set(orgId, org);
    }
    return org;
  }
}
