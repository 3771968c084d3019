import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import { RollingRate } from "./rolling-rate";

export type MalformedKind = "unknown_event" | "missing_ack" | "bad_payload" | "rate_limited";

/**
 * Counters behind /stats (rolling, human-oriented) and /metrics (Prometheus). One registry per
 * server so several nodes in one process (tests) never share or clash.
 */
export class RealtimeMetrics {
  readonly registry = new Registry();
  readonly eventsInRate = new RollingRate();
  readonly eventsOutRate = new RollingRate();
  readonly totals = {
    eventsIn: 0,
    eventsOut: 0,
    replays: 0,
    replayedEvents: 0,
    resyncs: 0,
    malformed: { unknown_event: 0, missing_ack: 0, bad_payload: 0, rate_limited: 0 } as Record<MalformedKind, number>,
    disconnectsForAbuse: 0,
    slowClientDisconnects: 0,
    authFailures: 0
  };
  private readonly eventsIn: Counter;
  private readonly eventsOut: Counter;
  private readonly replayed: Counter;
  private readonly resyncCounter: Counter<"reason">;
  private readonly malformedCounter: Counter<"kind">;
  private readonly dropped: Counter<"reason">;
  private readonly authFailed: Counter<"code">;

  constructor(nodeId: string, connections: () => number, processMetrics: boolean) {
    this.registry.setDefaultLabels({ node: nodeId });
    const registers = [this.registry];
    this.eventsIn = new Counter({ name: "switchboard_realtime_events_in_total", help: "Events consumed from the event log", registers });
    this.eventsOut = new Counter({ name: "switchboard_realtime_events_out_total", help: "Live event deliveries to sockets", registers });
    this.replayed = new Counter({ name: "switchboard_realtime_replayed_events_total", help: "Events sent by replay", registers });
    this.resyncCounter = new Counter({ name: "switchboard_realtime_resyncs_total", help: "Sockets told to resync", labelNames: ["reason"], registers });
    this.malformedCounter = new Counter({
      name: "switchboard_realtime_malformed_messages_total",
      help: "Rejected client messages",
      labelNames: ["kind"],
      registers
    });
    this.dropped = new Counter({
      name: "switchboard_realtime_forced_disconnects_total",
      help: "Sockets the server dropped",
      labelNames: ["reason"],
      registers
    });
    this.authFailed = new Counter({ name: "switchboard_realtime_auth_failures_total", help: "Refused handshakes", labelNames: ["code"], registers });
    new Gauge({
      name: "switchboard_realtime_connections",
      help: "Connected sockets on this node",
      registers,
      collect() {
        this.set(connections());
      }
    });
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  eventIn(): void {
    this.totals.eventsIn++;
    this.eventsIn.inc();
    this.eventsInRate.add(1);
  }

  eventOut(count: number): void {
    if (count <= 0) return;
    this.totals.eventsOut += count;
    this.eventsOut.inc(count);
    this.eventsOutRate.add(count);
  }

  replay(events: number): void {
    this.totals.replays++;
    this.totals.replayedEvents += events;
    this.replayed.inc(events);
  }

  resync(reason: string): void {
    this.totals.resyncs++;
    this.resyncCounter.inc({ reason });
  }

  malformed(kind: MalformedKind): void {
    this.totals.malformed[kind]++;
    this.malformedCounter.inc({ kind });
  }

  forcedDisconnect(reason: "abuse" | "slow_client"): void {
    if (reason === "abuse") this.totals.disconnectsForAbuse++;
    else this.totals.slowClientDisconnects++;
    this.dropped.inc({ reason });
  }

  authFailure(code: string): void {
    this.totals.authFailures++;
    this.authFailed.inc({ code });
  }
}
