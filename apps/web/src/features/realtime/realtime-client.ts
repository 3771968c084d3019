import { io, type Socket } from "socket.io-client";
import { HeartbeatWatchdog } from "@switchboard/contracts";
import type { ClientToServerEvents, ConnectErrorData, DomainEvent, PresenceMember, ServerToClientEvents } from "@switchboard/contracts";
import { AUTH_CODES, backoffDelay, failureOf, isAuthFailure, type AuthFailure, type ConnectionStatus } from "./connection-status";
import { EventBuffer } from "./event-buffer";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** At most one re-render of the live views per this many ms during a burst of events. */
const VERSION_THROTTLE_MS = 50;

export interface RealtimeClientOptions {
  /** Realtime node on another origin (token auth); null = this origin, cookie auth. */
  url: string | null;
  /** The org seq read with the page that opened this tab's console. */
  initialSeq: number;
  /** The session is gone (expired, revoked, user deleted or deactivated): send the user to sign in. */
  onAuthFailure: (why: AuthFailure) => void;
  /** The user's role or offices changed: the socket already follows them; the pages must be re-read. */
  onAccessChanged: (message: string) => void;
  /** The server cannot replay what we missed: views must refetch. */
  onResync: () => void;
  /** Every newly applied event; `replayed` while catching up after a (re)connect. */
  onEvent: (event: DomainEvent, replayed: boolean) => void;
  /** Catching up finished; `replayed` events were applied; `reconnected`: after a lost connection (not the first connect). */
  onSynced: (replayed: number, reconnected: boolean) => void;
}

export interface RealtimeSnapshot {
  status: ConnectionStatus;
  /** When the connection stopped being live (ms since epoch); null while live. What is on screen is as of then. */
  lostAt: number | null;
  /** Bumped on every applied event or reset; views recompute from the buffer when it changes. */
  version: number;
  presence: readonly PresenceMember[];
}

/**
 * The tab's one Socket.IO connection: authenticates (cookie, or a fresh short-lived token on every
 * attempt), resumes from the last applied seq, dedupes and orders events into an EventBuffer,
 * tracks presence and a human-readable connection status.
 */
export class RealtimeClient {
  readonly buffer: EventBuffer;
  private socket: ClientSocket | null = null;
  private snapshot: RealtimeSnapshot = { status: "connecting", lostAt: null, version: 0, presence: [] };
  private readonly listeners = new Set<() => void>();
  private readonly presence = new Map<string, PresenceMember>();
  private serverLive = true;
  private syncing = false;
  private replayed = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private connectedBefore = false;
  private reconnected = false;
  private versionTimer: ReturnType<typeof setTimeout> | undefined;
  private versionPending = false;
  /** A node that hangs keeps the socket open: missed heartbeats say "delayed", then move us elsewhere. */
  private readonly watchdog = new HeartbeatWatchdog({
    onStalled: () => this.update({ status: "delayed", lostAt: this.snapshot.lostAt ?? Date.now() }),
    onRecovered: () => this.update({ status: this.serverLive ? "live" : "delayed", lostAt: null }),
    onDead: () => this.leaveNode()
  });

  constructor(private readonly options: RealtimeClientOptions) {
    this.buffer = new EventBuffer(options.initialSeq);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RealtimeSnapshot => this.snapshot;

  /**
   * The tab's socket, for features with their own requests (ticket presence): they add and remove
   * their own listeners and re-assert their server-side state on every "connect". null until start.
   */
  get connection(): ClientSocket | null {
    return this.socket;
  }

  start(): void {
    const socket: ClientSocket = io(this.options.url ?? undefined, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      withCredentials: this.options.url === null,
      reconnectionDelay: 1000,
      // An operator console must not sit dark for long after an outage: retries stay within 10 s.
      reconnectionDelayMax: 10_000,
      // A reconnect that reaches a hung node must give up soon enough to try another.
      timeout: 10_000,
      randomizationFactor: 0.5,
      auth: (cb) => {
        this.handshakeAuth().then(cb, () => cb({ lastSeq: this.buffer.headSeq }));
      }
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.retryAttempt = 0;
      this.syncing = true;
      this.replayed = 0;
      this.reconnected = this.connectedBefore;
      this.connectedBefore = true;
      // Should "sync:done" never come, live events must not stay labelled as replayed.
      this.armSyncFallback();
      this.update({ status: this.serverLive ? "live" : "delayed", lostAt: null });
      this.watchdog.arm();
      // No presence:list here: the server pushes presence:snapshot to staff on every connect, and asking
      // too would send every staff console the whole member list twice (quadratic in a connect storm).
    });
    socket.on("disconnect", (reason) => {
      this.watchdog.disarm();
      if (this.stopped) return;
      // The server closing us (node shutting down, session ended) is not retried by socket.io.
      if (reason === "io server disconnect") this.scheduleRetry();
      this.update({ status: reason === "io client disconnect" ? "offline" : "reconnecting", lostAt: this.snapshot.lostAt ?? Date.now() });
    });
    socket.on("connect_error", (error) => this.onConnectError(error));
    socket.io.on("reconnect_attempt", () => this.update({ status: navigator.onLine ? "reconnecting" : "offline" }));
    socket.on("event", (event) => this.onEvent(event));
    // A replay comes in pages: apply each in order, then ask for the next by acknowledging it.
    // Caught up only at sync:done; each page proves the replay is alive, so the fallback waits on.
    socket.on("sync:page", (page, ack) => {
      for (const event of page.events) this.onEvent(event);
      if (this.syncing) this.armSyncFallback();
      ack();
    });
    socket.on("sync:done", (info) => {
      this.buffer.advanceTo(info.seq);
      this.finishSync();
    });
    socket.on("sync:resync", (info) => {
      this.buffer.reset(info.seq);
      this.syncing = false;
      this.update({ version: this.snapshot.version + 1 });
      this.options.onResync();
    });
    socket.on("server:heartbeat", (beat) => this.watchdog.beat(beat));
    // The node is shutting down: leave now rather than when it cuts us off; the balancer sends the
    // reconnect to another node (this one takes no new connections) and we resume from our seq.
    socket.on("server:draining", () => this.leaveNode());
    socket.on("server:status", ({ live }) => {
      this.serverLive = live;
      if (socket.connected) this.update({ status: live ? "live" : "delayed" });
    });
    socket.on("session:expired", () => this.failAuth("expired"));
    socket.on("access:changed", ({ message }) => this.options.onAccessChanged(message));
    // A deactivated account cannot come back. "Signed out everywhere" may not mean this tab: after
    // its own password change its cookie is new, so the reconnect (the server closed us; see
    // "disconnect") decides — refused as session_revoked, it ends here too.
    socket.on("session:ended", ({ reason }) => {
      if (reason === "deactivated") this.failAuth("deactivated");
    });
    socket.on("presence:snapshot", (snapshot) => this.setPresence(snapshot.members));
    socket.on("presence:changed", ({ joined, left }) => {
      for (const userId of left) this.presence.delete(userId);
      for (const member of joined) this.presence.set(member.userId, member);
      this.publishPresence();
    });
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
  }

  stop(): void {
    this.stopped = true;
    this.watchdog.disarm();
    clearTimeout(this.retryTimer);
    clearTimeout(this.syncTimer);
    clearTimeout(this.versionTimer);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    this.socket?.removeAllListeners();
    this.socket?.io.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.listeners.clear();
  }

  private async handshakeAuth(): Promise<Record<string, unknown>> {
    const lastSeq = this.buffer.headSeq;
    if (this.options.url === null) return { lastSeq };
    // A cross-origin node cannot read our cookie: fetch a fresh token for every attempt.
    const response = await fetch("/api/realtime/token", { cache: "no-store", credentials: "same-origin" });
    if (response.status === 401) {
      this.failAuth("signed_out");
      throw new Error("session expired");
    }
    if (!response.ok) throw new Error(`realtime token: HTTP ${response.status}`);
    const { token } = (await response.json()) as { token: string };
    return { token, lastSeq };
  }

  private onEvent(event: DomainEvent): void {
    if (!this.buffer.accept(event)) return;
    if (this.syncing) this.replayed++;
    this.bumpVersion();
    this.options.onEvent(event, this.syncing);
  }

  /**
   * Views recompute from the buffer on every version: the first event shows at once, a burst (an
   * import of thousands of rows, a replay) re-renders at most every VERSION_THROTTLE_MS instead of
   * once per event, which would freeze the tab.
   */
  private bumpVersion(): void {
    if (this.versionTimer !== undefined) {
      this.versionPending = true;
      return;
    }
    this.update({ version: this.snapshot.version + 1 });
    this.versionTimer = setTimeout(() => {
      this.versionTimer = undefined;
      if (!this.versionPending) return;
      this.versionPending = false;
      this.bumpVersion();
    }, VERSION_THROTTLE_MS);
  }

  private armSyncFallback(): void {
    clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => this.finishSync(), 10_000);
  }

  private finishSync(): void {
    clearTimeout(this.syncTimer);
    if (!this.syncing) return;
    this.syncing = false;
    this.options.onSynced(this.replayed, this.reconnected);
  }

  private onConnectError(error: Error): void {
    if (this.stopped) return;
    const code = (error as Error & { data?: Partial<ConnectErrorData> }).data?.code;
    if (code ? AUTH_CODES.has(code) : isAuthFailure(error.message)) return this.failAuth(failureOf(code));
    // A refusal by the server's middleware is not retried by socket.io itself.
    if (this.socket && !this.socket.active) this.scheduleRetry();
    this.update({ status: navigator.onLine ? "reconnecting" : "offline", lostAt: this.snapshot.lostAt ?? Date.now() });
  }

  private scheduleRetry(): void {
    const socket = this.socket;
    if (!socket) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && !socket.connected) socket.connect();
    }, backoffDelay(this.retryAttempt++));
  }

  private failAuth(why: AuthFailure): void {
    if (this.stopped) return;
    this.stop();
    this.options.onAuthFailure(why);
  }

  private leaveNode(): void {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    socket.disconnect();
    this.update({ status: "reconnecting" });
    socket.connect();
  }

  private onOnline = (): void => {
    if (this.socket && !this.socket.connected) {
      this.update({ status: "reconnecting" });
      this.socket.connect();
    }
  };

  /**
   * The browser says the network is gone: say so at once and drop the socket (it could otherwise
   * look live until its heartbeat times out); "online" reconnects and replays what was missed.
   */
  private onOffline = (): void => {
    this.update({ status: "offline", lostAt: this.snapshot.lostAt ?? Date.now() });
    this.socket?.disconnect();
  };

  private setPresence(members: readonly PresenceMember[]): void {
    this.presence.clear();
    for (const member of members) this.presence.set(member.userId, member);
    this.publishPresence();
  }

  private publishPresence(): void {
    const members = [...this.presence.values()].sort((a, b) => a.name.localeCompare(b.name));
    this.update({ presence: members });
  }

  private update(patch: Partial<RealtimeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
