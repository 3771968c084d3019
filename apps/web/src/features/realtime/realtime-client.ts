import { HeartbeatWatchdog } from "@switchboard/contracts";
import type { ConnectErrorData, DomainEvent, Topic } from "@switchboard/contracts";
import { CatchUp } from "./catch-up";
import { BackoffTimer } from "./backoff-timer";
import { AUTH_CODES, failureOf, isAuthFailure, type AuthFailure, type ConnectionStatus } from "./connection-status";
import { EventBuffer } from "./event-buffer";
import { openSocket, type ClientSocket } from "./open-socket";
import { PresenceMembers } from "./presence-members";
import { fetchRealtimeToken } from "./realtime-token";
import type { RealtimeClientOptions, RealtimeSnapshot } from "./realtime-client-types";
import { listenForEvents, type EventOrigin } from "./replay-listeners";
import { TopicSubscriptions } from "./topic-subscriptions";
import { Throttle } from "./version-throttle";

/** At most one re-render of the live views per this many ms during a burst of events. */
const VERSION_THROTTLE_MS = 50;

/**
 * The tab's one Socket.IO connection: authenticates (cookie, or a fresh short-lived token on every
 * attempt), follows the topics its views show, resumes from the last applied seq, dedupes and
 * orders events into an EventBuffer, tracks presence and a human-readable connection status.
 */
export class RealtimeClient {
  readonly buffer: EventBuffer;
  private readonly topics: TopicSubscriptions;
  private socket: ClientSocket | null = null;
  private snapshot: RealtimeSnapshot = { status: "connecting", lostAt: null, version: 0, presence: null };
  private readonly listeners = new Set<() => void>();
  private readonly presence = new PresenceMembers();
  private serverLive = true;
  /** The node missed its heartbeats (the socket still looks open). */
  private stalled = false;
  /** socket.io does not retry a refusal by the server's middleware, nor the server closing us. */
  private readonly reconnect = new BackoffTimer(() => {
    if (!this.stopped && this.socket && !this.socket.connected) this.socket.connect();
  });
  private stopped = false;
  /** Views recompute from the buffer on every version: at once for one event, throttled in a burst. */
  private readonly version = new Throttle(() => this.update({ version: this.snapshot.version + 1 }), VERSION_THROTTLE_MS);
  private readonly catchUp = new CatchUp((replayed, reconnected, timedOut) => {
    if (timedOut) this.topics.synced(true);
    this.options.onSynced(replayed, reconnected);
  });
  /** A node that hangs keeps the socket open: missed heartbeats say "delayed", then move us elsewhere. */
  private readonly watchdog = new HeartbeatWatchdog({
    onStalled: () => {
      this.stalled = true;
      this.update({ status: "delayed", lostAt: this.snapshot.lostAt ?? Date.now() });
    },
    onRecovered: () => {
      this.stalled = false;
      this.update({ status: this.connectedStatus(), lostAt: null });
    },
    onDead: () => this.leaveNode()
  });

  constructor(private readonly options: RealtimeClientOptions) {
    this.buffer = new EventBuffer(options.initialSeq);
    this.topics = new TopicSubscriptions(
      this.buffer,
      {
        connected: () => this.socket?.connected === true,
        subscribe: (request, done) => this.socket?.emit("topics:subscribe", request, done),
        unsubscribe: (topics) => {
          this.socket?.emit("topics:unsubscribe", { topics }, () => undefined);
          // No longer kept current: a view showing it later waits for a fresh list.
          if (topics.includes("presence")) this.update({ presence: null });
        }
      },
      () => {
        this.version.run();
        this.refreshConnectedStatus();
      }
    );
  }

  /**
   * Follows `topics` for a view whose snapshot was read at `since` (default: from now on): their
   * events after it are sent, then live. The returned function releases them.
   */
  subscribeTopics(topics: readonly Topic[], since = this.buffer.headSeq): () => void {
    return this.topics.acquire(topics, since);
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
    const socket = openSocket(this.options.url, (cb) => {
      // Cookie auth needs no token; a cross-origin node gets a fresh one on every attempt.
      const token = this.options.url === null ? Promise.resolve(undefined) : fetchRealtimeToken(() => this.failAuth("signed_out"));
      token.then(
        (value) => cb(this.handshake(value)),
        () => cb(this.handshake(undefined))
      );
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.reconnect.reset();
      this.catchUp.begin();
      this.topics.connected();
      this.presence.reset();
      this.stalled = false;
      this.update({ status: this.connectedStatus(), lostAt: null });
      this.watchdog.arm();
      // No presence:list here: the server pushes presence:snapshot on every connect that names the
      // presence topic, and asking too would send the whole member list twice (quadratic in a storm).
    });
    socket.on("disconnect", (reason) => {
      this.watchdog.disarm();
      this.topics.disconnected();
      if (this.stopped) return;
      // The server closing us (node shutting down, session ended) is not retried by socket.io.
      if (reason === "io server disconnect") this.reconnect.schedule();
      this.update({ status: reason === "io client disconnect" ? "offline" : "reconnecting", lostAt: this.snapshot.lostAt ?? Date.now() });
    });
    socket.on("connect_error", (error) => this.onConnectError(error));
    socket.io.on("reconnect_attempt", () => this.update({ status: navigator.onLine ? "reconnecting" : "offline" }));
    // Any packet from the node (an event, an acknowledgement, a ping) proves it alive: the node
    // beats only sockets it has sent nothing lately.
    socket.io.on("packet", () => this.watchdog.alive());
    socket.io.on("ping", () => this.watchdog.alive());
    listenForEvents(socket, {
      catchUp: this.catchUp,
      buffer: this.buffer,
      topics: this.topics,
      onEvent: (event, origin) => this.onEvent(event, origin),
      onResync: () => {
        this.update({ version: this.snapshot.version + 1 });
        this.options.onResync();
      }
    });
    socket.on("server:heartbeat", (beat) => this.watchdog.beat(beat));
    // The node is shutting down: leave now rather than when it cuts us off; the balancer sends the
    // reconnect to another node (this one takes no new connections) and we resume from our seq.
    socket.on("server:draining", () => this.leaveNode());
    socket.on("server:status", ({ live, heartbeatIntervalMs }) => {
      this.watchdog.beat({ intervalMs: heartbeatIntervalMs });
      this.serverLive = live;
      if (socket.connected) this.update({ status: this.connectedStatus() });
    });
    socket.on("session:expired", () => this.failAuth("expired"));
    socket.on("access:changed", ({ message }) => this.options.onAccessChanged(message));
    // A deactivated account cannot come back. "Signed out everywhere" may not mean this tab: after
    // its own password change its cookie is new, so the reconnect (the server closed us; see
    // "disconnect") decides — refused as session_revoked, it ends here too.
    socket.on("session:ended", ({ reason }) => {
      if (reason === "deactivated") this.failAuth("deactivated");
    });
    socket.on("presence:snapshot", (snapshot) => this.update({ presence: this.presence.replace(snapshot) }));
    socket.on("presence:changed", (change) => {
      // Before the list (or after the topic was let go) there is nothing to patch: the list comes next.
      if (this.snapshot.presence !== null) this.update({ presence: this.presence.change(change) });
    });
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
  }

  stop(): void {
    this.stopped = true;
    this.watchdog.disarm();
    this.reconnect.stop();
    this.catchUp.stop();
    this.version.stop();
    this.topics.stop();
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    this.socket?.removeAllListeners();
    this.socket?.io.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.listeners.clear();
  }

  /** Always names the topics (none: nothing), so the node sends only what the views show. */
  private handshake(token: string | undefined): { token?: string; lastSeq: number; topics: Partial<Record<Topic, number>> } {
    const topics = this.topics.handshakeTopics();
    return token === undefined ? { lastSeq: this.buffer.headSeq, topics } : { token, lastSeq: this.buffer.headSeq, topics };
  }

  private onEvent(event: DomainEvent, origin: EventOrigin): void {
    if (!this.buffer.accept(event)) return;
    if (origin === "replay") this.catchUp.count();
    this.version.run();
    this.options.onEvent(event, origin);
  }

  private onConnectError(error: Error): void {
    if (this.stopped) return;
    const code = (error as Error & { data?: Partial<ConnectErrorData> }).data?.code;
    if (code ? AUTH_CODES.has(code) : isAuthFailure(error.message)) return this.failAuth(failureOf(code));
    // A refusal by the server's middleware is not retried by socket.io itself.
    if (this.socket && !this.socket.active) this.reconnect.schedule();
    this.update({ status: navigator.onLine ? "reconnecting" : "offline", lostAt: this.snapshot.lostAt ?? Date.now() });
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

  /**
   * Connected, the console is live unless the node's event log is down, the node stopped beating,
   * or a page's topic could not be followed yet (its changes wait for the next attempt).
   */
  private connectedStatus(): ConnectionStatus {
    return this.serverLive && !this.stalled && !this.topics.lagging() ? "live" : "delayed";
  }

  private refreshConnectedStatus(): void {
    if (!this.socket?.connected) return;
    const status = this.connectedStatus();
    if (status !== this.snapshot.status) this.update({ status });
  }

  private update(patch: Partial<RealtimeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
