import type { TicketAccess } from "@switchboard/auth";
import type { TicketViewers } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { RealtimeIo, RealtimeSocket } from "../io-types";
import { maySeeTicketViewers } from "./ticket-presence-access";
import { digestOf, type TicketPresenceStore, type TypingChange, type WatchInput } from "./ticket-presence-store";

/** Internal room of everyone hearing about a ticket's viewers; outside what room:join lets a client name. */
export const viewersRoom = (ticketId: string) => `ticket-viewers:${ticketId}`;

interface LocalWatch {
  input: WatchInput;
  typing: boolean;
  typingTimer?: NodeJS.Timeout;
}

export interface TicketPresenceTimings {
  ttlMs: number;
  typingTtlMs: number;
  /** How often access to the tickets this node's sockets hear about is checked again (default 5 s). */
  recheckMs?: number;
}

/** Fresh access facts of tickets by id (absent = no such ticket). */
export type TicketAccessLookup = (ticketIds: readonly string[]) => Promise<Map<string, TicketAccess>>;

/**
 * Connects this node's sockets to the ticket presence store. A change is broadcast through the
 * adapter (every node's sockets in the ticket's room hear it). Every heartbeat the node refreshes
 * its own entries and re-reads the tickets its sockets hear about, telling its own sockets when
 * something changed that nobody announced: typing that ran out, viewers of a node that died.
 */
export class TicketPresenceService {
  private readonly watches = new Map<string, Map<string, LocalWatch>>();
  /** What this node's sockets last heard per ticket, to tell a change from a refresh. */
  private readonly heard = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private closed = false;
  private lastRecheck = Date.now();

  constructor(
    private readonly io: RealtimeIo,
    private readonly store: TicketPresenceStore,
    private readonly timings: TicketPresenceTimings,
    private readonly accessOf: TicketAccessLookup,
    private readonly logger: Logger
  ) {}

  async start(): Promise<void> {
    await this.store.start();
    // Refreshing every quarter of the ttl survives three missed beats before anyone drops out.
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.timings.ttlMs / 4)));
    this.timer.unref();
  }

  async watch(socket: RealtimeSocket, ticketId: string, typing: boolean): Promise<TicketViewers> {
    const { user } = socket.data;
    // The socket may have gone while its access was checked: a watch for it would be refreshed forever.
    if (!socket.connected) throw new Error("socket disconnected");
    const own = this.watches.get(socket.id) ?? new Map<string, LocalWatch>();
    this.watches.set(socket.id, own);
    const existing = own.get(ticketId);
    const input: WatchInput = existing?.input ?? { socketId: socket.id, userId: user.id, name: user.name, role: user.role, since: new Date().toISOString() };
    own.set(ticketId, { input, typing: false });
    await socket.join(viewersRoom(ticketId));
    return this.setTyping(socket, ticketId, typing, true);
  }

  isWatching(socket: RealtimeSocket, ticketId: string): boolean {
    return this.watches.get(socket.id)?.has(ticketId) ?? false;
  }

  /** Records typing (true extends it by the typing ttl); false = not watching that ticket. */
  async typing(socket: RealtimeSocket, ticketId: string, typing: boolean): Promise<boolean> {
    if (!this.isWatching(socket, ticketId)) return false;
    await this.setTyping(socket, ticketId, typing, false);
    return true;
  }

  async unwatch(socket: RealtimeSocket, ticketId: string, stillObserving: boolean): Promise<void> {
    const watch = this.watches.get(socket.id)?.get(ticketId);
    if (!watch) return;
    clearTimeout(watch.typingTimer);
    this.watches.get(socket.id)?.delete(ticketId);
    if (!stillObserving) await socket.leave(viewersRoom(ticketId));
    this.announce(await this.store.remove(ticketId, socket.id));
  }

  /** Snapshots for a list's rows; the socket hears later changes through the tickets' rooms. */
  read(ticketIds: readonly string[]): Promise<TicketViewers[]> {
    return this.store.read(ticketIds);
  }

  watchedBy(socket: RealtimeSocket): string[] {
    return [...(this.watches.get(socket.id)?.keys() ?? [])];
  }

  disconnect(socket: RealtimeSocket): void {
    const own = this.watches.get(socket.id);
    this.watches.delete(socket.id);
    if (!own || this.closed) return;
    for (const [ticketId, watch] of own) {
      clearTimeout(watch.typingTimer);
      this.store.remove(ticketId, socket.id).then(
        (snapshot) => this.announce(snapshot),
        (error: unknown) => this.logger.warn({ err: error, ticketId }, "ticket presence removal failed; the entry expires on its own")
      );
    }
  }

  /** graceful: remove this node's viewers at once; otherwise leave them to expire (a crash). */
  async close(graceful: boolean): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const all = [...this.watches].flatMap(([socketId, own]) => [...own.keys()].map((ticketId) => ({ socketId, ticketId })));
    for (const own of this.watches.values()) for (const watch of own.values()) clearTimeout(watch.typingTimer);
    this.watches.clear();
    if (graceful) {
      const results = await Promise.allSettled(all.map(({ ticketId, socketId }) => this.store.remove(ticketId, socketId)));
      for (const result of results) if (result.status === "fulfilled") this.announce(result.value);
    }
    await this.store.close(graceful);
  }

  private async setTyping(socket: RealtimeSocket, ticketId: string, typing: boolean, fresh: boolean): Promise<TicketViewers> {
    const watch = this.watches.get(socket.id)?.get(ticketId);
    if (!watch) throw new Error("not watching");
    clearTimeout(watch.typingTimer);
    const change: TypingChange = typing;
    const changed = fresh || watch.typing !== typing;
    watch.typing = typing;
    if (typing) {
      // When typing runs out, everyone hears it from here (or from any node's next heartbeat).
      watch.typingTimer = setTimeout(() => {
        watch.typing = false;
        void this.reannounce(ticketId);
      }, this.timings.typingTtlMs + 50);
      watch.typingTimer.unref();
    }
    const snapshot = await this.store.put(ticketId, watch.input, change);
    if (changed) this.announce(snapshot);
    return snapshot;
  }

  private announce(snapshot: TicketViewers): void {
    this.heard.set(snapshot.ticketId, digestOf(snapshot));
    this.io.to(viewersRoom(snapshot.ticketId)).emit("ticket:viewers", snapshot);
  }

  /** Someone's access changed: re-check who may hear which ticket's viewers now, not at the next beat. */
  recheckAccess(): void {
    this.recheck().catch((error: unknown) => this.logger.warn({ err: error }, "ticket presence access re-check failed"));
  }

  private async reannounce(ticketId: string): Promise<void> {
    try {
      const [snapshot] = await this.store.read([ticketId]);
      if (snapshot) this.announce(snapshot);
    } catch (error) {
      this.logger.warn({ err: error, ticketId }, "ticket presence read failed");
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.closed) return;
    this.ticking = true;
    try {
      const entries = [...this.watches.values()].flatMap((own) => [...own].map(([ticketId, watch]) => ({ ticketId, input: watch.input })));
      await this.store.refresh(entries);
      if (Date.now() - this.lastRecheck >= (this.timings.recheckMs ?? 5_000)) {
        this.lastRecheck = Date.now();
        await this.recheck();
      }
      await this.reconcile();
    } catch (error) {
      this.logger.warn({ err: error }, "ticket presence heartbeat failed; retrying on the next beat");
    } finally {
      this.ticking = false;
    }
  }

  /** Tickets this node's sockets hear about, with those sockets' ids. */
  private listenedTickets(): Map<string, ReadonlySet<string>> {
    const prefix = viewersRoom("");
    const out = new Map<string, ReadonlySet<string>>();
    for (const [room, socketIds] of this.io.of("/").adapter.rooms) if (room.startsWith(prefix)) out.set(room.slice(prefix.length), socketIds);
    return out;
  }

  /**
   * Access was checked at watch/observe time; a ticket since moved to another office, reassigned or
   * deleted must stop reaching those who lost it: they leave its room (and its list), their console
   * gets an empty list, and others stop seeing them on it.
   */
  private async recheck(): Promise<void> {
    const listened = this.listenedTickets();
    const access = await this.accessOf([...listened.keys()]);
    for (const [ticketId, socketIds] of listened) {
      const ticket = access.get(ticketId);
      const revoked = [...socketIds].flatMap((id) => {
        const socket = this.io.of("/").sockets.get(id);
        return socket && !maySeeTicketViewers(socket.data.user, ticket) ? [socket] : [];
      });
      if (revoked.length === 0) continue;
      const [now] = await this.store.read([ticketId]);
      for (const socket of revoked) {
        await socket.leave(viewersRoom(ticketId));
        if (now) socket.emit("ticket:viewers", { ticketId, viewers: [], at: now.at });
        await this.unwatch(socket, ticketId, true);
      }
    }
  }

  /** Tells this node's sockets (io.local) about changes nobody announced to them. */
  private async reconcile(): Promise<void> {
    const ticketIds = [...this.listenedTickets().keys()];
    const listened = new Set(ticketIds);
    for (const ticketId of this.heard.keys()) if (!listened.has(ticketId)) this.heard.delete(ticketId);
    for (const snapshot of await this.store.read(ticketIds)) {
      const digest = digestOf(snapshot);
      if (this.heard.get(snapshot.ticketId) === digest) continue;
      this.heard.set(snapshot.ticketId, digest);
      if (!this.closed) this.io.local.to(viewersRoom(snapshot.ticketId)).emit("ticket:viewers", snapshot);
    }
  }
}
