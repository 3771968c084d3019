import type {
  DomainEvent,
  PresenceChanged,
  PresenceMember,
  PresenceSnapshot,
  ServerStatus,
  ServerToClientEvents,
  ClientToServerEvents,
  SyncDone,
  ResyncReason,
  Topic
} from "@switchboard/contracts";
import { waitFor } from "@switchboard/events/testing";
import { io, type Socket } from "socket.io-client";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TimelineEntry =
  | { type: "event"; event: DomainEvent }
  /** A replay page's size, recorded before its events. */
  | { type: "sync:page"; size: number }
  | { type: "sync:done"; info: SyncDone }
  | { type: "sync:resync"; info: { reason: ResyncReason; seq: number } }
  | { type: "presence:snapshot"; snapshot: PresenceSnapshot }
  | { type: "presence:changed"; change: PresenceChanged }
  /** Each member of a presence:changed's `joined`, recorded after it. */
  | { type: "presence:joined"; member: PresenceMember }
  /** Each user of a presence:changed's `left`, recorded after it. */
  | { type: "presence:left"; left: { userId: string } }
  | { type: "server:status"; status: ServerStatus }
  | { type: "session:expired" }
  | { type: "access:changed"; info: { message: string } }
  | { type: "session:ended"; info: { reason: string; message: string } }
  | { type: "server:draining"; info: { nodeId: string } }
  | { type: "connect" }
  | { type: "disconnect"; reason: string };

export interface ClientOptions {
  cookie?: string;
  /** The Origin header a browser would send. */
  origin?: string;
  token?: string;
  /** The seq to resume from on the first connect; later reconnects send the last seq seen (like a console). */
  lastSeq?: number;
  path?: string;
  reconnection?: boolean;
  /** Record replay pages without acknowledging them until releasePages(). */
  holdPages?: boolean;
  /**
   * The page's topics for the handshake, each with where its replay starts on the first connect
   * (later reconnects start every topic at the last seq seen, like a console). Absent: none named.
   */
  topics?: Partial<Record<Topic, number>>;
}

/**
 * A console stand-in on a real socket.io-client: records everything in arrival order and, like
 * the web console, resumes from the last seq it saw whenever it reconnects.
 */
export class TestClient {
  readonly socket: ClientSocket;
  readonly timeline: TimelineEntry[] = [];
  readonly connectErrors: Array<Error & { data?: { code?: string } }> = [];
  lastSeq: number | undefined;
  /** While set, replay pages are recorded but not acknowledged (see releasePages). */
  holdPages = false;
  private readonly heldAcks: Array<() => void> = [];
  private connects = 0;

  constructor(url: string, options: ClientOptions = {}) {
    this.lastSeq = options.lastSeq;
    this.holdPages = options.holdPages ?? false;
    this.socket = io(url, {
      path: options.path ?? "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      randomizationFactor: 0,
      extraHeaders: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
      auth: (cb) => {
        const topics =
          options.topics && (this.connects === 0 ? options.topics : Object.fromEntries(Object.keys(options.topics).map((t) => [t, this.lastSeq ?? 0])));
        this.connects++;
        cb({
          ...(options.token ? { token: options.token } : {}),
          ...(this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {}),
          ...(topics ? { topics } : {})
        });
      }
    });
    const record = (entry: TimelineEntry) => this.timeline.push(entry);
    this.socket.on("connect", () => record({ type: "connect" }));
    this.socket.on("disconnect", (reason) => record({ type: "disconnect", reason }));
    this.socket.on("connect_error", (error) => this.connectErrors.push(error as Error & { data?: { code?: string } }));
    this.socket.on("event", (event) => {
      record({ type: "event", event });
      this.lastSeq = Math.max(this.lastSeq ?? 0, event.seq);
    });
    // Like the console: apply the page's events in order, then acknowledge it.
    this.socket.on("sync:page", (page, ack) => {
      record({ type: "sync:page", size: page.events.length });
      for (const event of page.events) {
        record({ type: "event", event });
        this.lastSeq = Math.max(this.lastSeq ?? 0, event.seq);
      }
      if (this.holdPages) this.heldAcks.push(ack);
      else ack();
    });
    this.socket.on("sync:done", (info) => {
      record({ type: "sync:done", info });
      this.lastSeq = Math.max(this.lastSeq ?? 0, info.seq);
    });
    this.socket.on("sync:resync", (info) => {
      record({ type: "sync:resync", info });
      this.lastSeq = info.seq;
    });
    this.socket.on("presence:snapshot", (snapshot) => record({ type: "presence:snapshot", snapshot }));
    this.socket.on("presence:changed", (change) => {
      record({ type: "presence:changed", change });
      for (const userId of change.left) record({ type: "presence:left", left: { userId } });
      for (const member of change.joined) record({ type: "presence:joined", member });
    });
    this.socket.on("server:status", (status) => record({ type: "server:status", status }));
    this.socket.on("session:expired", () => record({ type: "session:expired" }));
    this.socket.on("access:changed", (info) => record({ type: "access:changed", info }));
    this.socket.on("session:ended", (info) => record({ type: "session:ended", info }));
    // Like the console: a node shutting down is left at once, for whichever node the balancer picks.
    this.socket.on("server:draining", (info) => {
      record({ type: "server:draining", info });
      this.socket.disconnect().connect();
    });
  }

  get events(): DomainEvent[] {
    return this.timeline.flatMap((e) => (e.type === "event" ? [e.event] : []));
  }

  entries<T extends TimelineEntry["type"]>(type: T): Extract<TimelineEntry, { type: T }>[] {
    return this.timeline.filter((e): e is Extract<TimelineEntry, { type: T }> => e.type === type);
  }

  /** Who this console shows as online: snapshots replace the list, joined/left patch it. */
  onlineUsers(): Set<string> {
    const online = new Set<string>();
    for (const entry of this.timeline) {
      if (entry.type === "presence:snapshot") {
        online.clear();
        for (const member of entry.snapshot.members) online.add(member.userId);
      } else if (entry.type === "presence:joined") online.add(entry.member.userId);
      else if (entry.type === "presence:left") online.delete(entry.left.userId);
    }
    return online;
  }

  /** Resolves after the connection and its first sync (sync:done or sync:resync). */
  async ready(timeoutMs = 10_000): Promise<this> {
    await waitFor(() => this.entries("sync:done").length + this.entries("sync:resync").length > 0, { timeoutMs, what: "first sync" });
    return this;
  }

  waitForEvents(count: number, timeoutMs = 15_000): Promise<DomainEvent[]> {
    return waitFor(() => (this.events.length >= count ? this.events : undefined), { timeoutMs, what: `${count} events (have ${this.events.length})` });
  }

  waitFor<T extends TimelineEntry["type"]>(type: T, match: (entry: Extract<TimelineEntry, { type: T }>) => boolean = () => true, timeoutMs = 10_000) {
    return waitFor(() => this.entries(type).find(match), { timeoutMs, what: type });
  }

  async connectError(timeoutMs = 10_000) {
    return waitFor(() => this.connectErrors[0], { timeoutMs, what: "connect_error" });
  }

  /** Acknowledges the pages held so far and stops holding. */
  releasePages(): void {
    this.holdPages = false;
    for (const ack of this.heldAcks.splice(0)) ack();
  }

  close(): void {
    this.socket.disconnect();
  }
}

export async function openClient(url: string, options: ClientOptions = {}): Promise<TestClient> {
  return new TestClient(url, options).ready();
}

/** Seqs of the events a client received, in arrival order. */
export function seqsOf(events: DomainEvent[]): number[] {
  return events.map((e) => e.seq);
}
