import { viewEventFor } from "@switchboard/auth";
import type { DomainEvent, ResyncReason, SyncResult } from "@switchboard/contracts";
import { publishedSeq, type DbClient } from "@switchboard/db";
import type { EventLog } from "@switchboard/events";
import type { Logger } from "pino";
import type { RealtimeIo, RealtimeSocket } from "../io-types";
import type { RealtimeMetrics } from "../ops/metrics";
import { isUserEvent, type AccessWatch } from "../access/access-watch";
import { readWithRetry, replayMissed, type ReplayOutcome, type ReplayPaging } from "./replay";
import { SharedOrgReader } from "./shared-org-reader";
import type { OrgDelivery, SyncTarget } from "./sync-target";

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
  private readonly unsubscribe: Array<() => void> = [];
  /** Replay reads, one per organization for all the sockets that ask at once. */
  private readonly reader: SharedOrgReader;

  constructor(private readonly deps: DeliveryDeps) {
    this.reader = new SharedOrgReader(deps.log, (orgId) => publishedSeq(deps.db, orgId));
  }

  start(): void {
    this.unsubscribe.push(this.deps.log.subscribe((event) => this.onEvent(event)));
    this.unsubscribe.push(
      this.deps.log.onReset(() => {
        this.resyncEveryone("server");
        // A lost user.* event would leave a socket with access it lost: re-read every socket's user.
        void this.deps.access.revalidate([...this.targets.values()]);
      })
    );
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Called synchronously on connect, before anything async, so no live event can slip past. */
  attach(socket: RealtimeSocket): void {
    // The handshake's user is the viewer (read-only from here on): no copy per socket.
    const viewer = socket.data.user;
    const target: SyncTarget = {
      socket,
      viewer,
      orgId: viewer.orgId,
      state: "replaying",
      floor: 0,
      buffer: [],
      overflowed: false,
      generation: 0,
      detached: false
    };
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
  async sync(socket: RealtimeSocket, lastSeq: number | undefined): Promise<SyncResult | undefined> {
    const target = this.targets.get(socket.id);
    if (!target) return undefined;
    if (target.state === "replaying" && target.generation > 0) throw new SyncBusyError();
    const org = this.org(target.orgId);
    org.live.delete(target);
    target.state = "replaying";
    target.buffer = [];
    target.overflowed = false;
    org.pending.add(target);
    const generation = ++target.generation;

    let outcome: ReplayOutcome;
    try {
      const wanted = () => !target.detached && target.generation === generation;
      const read = await readWithRetry(this.reader, this.deps.logger, target.orgId, lastSeq, wanted);
      if (!read || target.detached || target.generation !== generation) return undefined;
      if (read.kind === "resync") outcome = { kind: "resync", reason: "retention", headSeq: read.headSeq };
      else if (read.kind === "lost") outcome = { kind: "resync", reason: "gap", headSeq: read.headSeq };
      else outcome = await replayMissed(target, read, lastSeq, this.deps.db, this.deps.access, this.deps.replayPaging);
    } catch (error) {
      // Never leave a socket stuck buffering: it goes live from where this node is and refetches.
      this.deps.logger.error({ err: error, socketId: socket.id }, "sync failed; telling the console to resync");
      outcome = { kind: "resync", reason: "server", headSeq: Math.max(this.heads.get(target.orgId) ?? 0, lastSeq ?? 0) };
    }
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

  stats() {
    const states = { live: 0, replaying: 0, "catching-up": 0 };
    for (const target of this.targets.values()) states[target.state]++;
    const socketsPerOrg: Record<string, number> = {};
    for (const [orgId, org] of this.orgs) socketsPerOrg[orgId] = org.sockets;
    // "syncing" = still before sync:done; catching-up sockets are served (one by one), so they count as live.
    return {
      sockets: this.targets.size,
      live: states.live + states["catching-up"],
      syncing: states.replaying,
      catchingUp: states["catching-up"],
      orgs: this.orgs.size,
      socketsPerOrg
    };
  }

  /** Each organization with sockets on this node, with the highest seq this node has delivered for it. */
  *orgHeads(): Generator<[orgId: string, seq: number]> {
    for (const orgId of this.orgs.keys()) yield [orgId, this.heads.get(orgId) ?? 0];
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
    if (target.detached) return;
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
    // The policy returns the event itself (not a copy) to everyone who may see all of it: group
    // the live sockets by the object they get, so each distinct view is serialized once and sent
    // in one broadcast (to the sockets' own rooms; no room per audience to keep per socket).
    const views = new Map<DomainEvent, string[]>();
    for (const target of org.live) {
      const visible = viewEventFor(target.viewer, event);
      if (!visible) continue;
      const ids = views.get(visible);
      if (ids) ids.push(target.socket.id);
      else views.set(visible, [target.socket.id]);
    }
    for (const [visible, ids] of views) {
      // Local only: every node consumes the log itself, the adapter must not fan this out again.
      this.deps.io.local.to(ids).emit("event", visible);
      this.deps.metrics.eventOut(ids.length);
    }
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
