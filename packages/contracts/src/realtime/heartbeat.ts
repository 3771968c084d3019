/**
 * The app-level heartbeat: every node sends each of its sockets `server:heartbeat` every
 * `intervalMs`, unless it has just sent the socket anything else (any packet is as good a sign of
 * life; `server:status` on connect tells the interval). A frozen node (stopped process, stuck
 * event loop, half-open connection) keeps its TCP connections open and would look live until the
 * transport's ping timeout; a console that stops hearing the beat says "live updates delayed"
 * within seconds and then reconnects, which lands it on another node.
 */
export interface ServerHeartbeat {
  nodeId: string;
  /** The highest seq of the socket's organization this node has delivered. */
  seq: number;
  /** When the next beat is due at the latest: the watchdog's clock. */
  intervalMs: number;
}

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 3_000;

export interface HeartbeatWatchdogHandlers {
  /** Beats stopped: what is on screen may be stale. */
  onStalled(): void;
  /** A beat arrived after a stall. */
  onRecovered(): void;
  /** Beats stayed away: drop this connection and connect again (elsewhere). */
  onDead(): void;
}

/** Missed beats, plus one second of slack for a busy network or tab, before each step. */
const STALL_AFTER_BEATS = 2;
const DEAD_AFTER_BEATS = 3;
const SLACK_MS = 1_000;

/**
 * The console side of the heartbeat, independent of the socket library: `arm` on connect, `beat`
 * on every heartbeat, `disarm` on disconnect. With the default 3 s beat: stalled after 7 s of
 * silence, dead after 10 s.
 */
export class HeartbeatWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stalled = false;
  private intervalMs = DEFAULT_HEARTBEAT_INTERVAL_MS;

  constructor(private readonly handlers: HeartbeatWatchdogHandlers) {}

  /** Connected: the first beat is due within the usual window. */
  arm(): void {
    this.recover();
    this.waitForBeat();
  }

  beat(heartbeat: Pick<ServerHeartbeat, "intervalMs">): void {
    if (Number.isFinite(heartbeat.intervalMs) && heartbeat.intervalMs > 0) this.intervalMs = heartbeat.intervalMs;
    this.recover();
    this.waitForBeat();
  }

  /**
   * Any other packet from the node (an event, an answer, a ping): it proves the node alive as a
   * beat does, and the node skips the beat of a socket it has just sent one. The interval stays as
   * last told.
   */
  alive(): void {
    if (this.timer === undefined) return;
    this.recover();
    this.waitForBeat();
  }

  /** Disconnected (or stopped): nothing is expected until the next `arm`. */
  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stalled = false;
  }

  private recover(): void {
    if (!this.stalled) return;
    this.stalled = false;
    this.handlers.onRecovered();
  }

  private waitForBeat(): void {
    clearTimeout(this.timer);
    const stallMs = STALL_AFTER_BEATS * this.intervalMs + SLACK_MS;
    const deadMs = DEAD_AFTER_BEATS * this.intervalMs + SLACK_MS;
    this.timer = setTimeout(() => {
      this.stalled = true;
      this.handlers.onStalled();
      this.timer = setTimeout(() => {
        this.disarm();
        this.handlers.onDead();
      }, deadMs - stallMs);
    }, stallMs);
  }
}
