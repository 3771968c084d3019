import type { PageTotals } from "../consoles/protocol";
import type { LatencySummary } from "../metrics/histogram";
import type { PageName } from "../stack/pages";
import type { MachineLoad } from "../metrics/machine-load";
import type { ScenarioParams } from "./params";

export type SystemKind = "ours" | "baseline";

export interface ProcessUsage {
  name: string;
  /** Average CPU over the measurement window, % of one core. */
  cpuPercent: number;
  peakCpuPercent: number;
  rssBytes: number;
  peakRssBytes: number;
}

export interface SystemResult {
  system: SystemKind;
  consoles: number;
  connect: {
    synced: number;
    errors: number;
    errorReasons: Record<string, number>;
    durationMs: number;
    perSecond: number;
    /** Open → first sync per console, ms. */
    latency: LatencySummary;
  };
  memory: {
    idleRssBytes: number;
    loadedRssBytes: number;
    perConsoleBytes: number;
    heapPerConsoleBytes: number | null;
    /** --heap-snapshot: objects each console added to the server's heap, biggest first. */
    heapDiff: Array<{ name: string; perConsoleCount: number; perConsoleBytes: number }> | null;
  };
  changes: { committed: number; perSecond: number; failed: number; late: number; firstError: string | null };
  deliveries: {
    measured: number;
    perSecond: number;
    total: number;
    eventBytes: number;
    /**
     * Computed from the changes measured and the consoles: each change × the consoles of its
     * organization that should get it (`perSecond`), and that would without topics (every
     * console whose user may see it).
     */
    expected: { perSecond: number; withoutTopicsPerSecond: number };
  };
  latency: LatencySummary;
  /** Ours only: commit → event in the Redis log (the relay's share of the latency). */
  relayLatency: LatencySummary | null;
  /** Ours only: commit → the relay's append call, and the appends' own duration. */
  relayStages: { toAppend: LatencySummary; appendDuration: LatencySummary } | null;
  correctness: {
    lost: number;
    duplicates: number;
    outOfOrder: number;
    unauthorized: number;
    /** Events outside the topics a console named. */
    offTopic: number;
    resyncs: number;
    untimed: number;
    caughtUp: boolean;
  };
  /** Consoles on pages (scenario E): the same figures per page. */
  pages: Partial<Record<PageName, PageTotals>> | null;
  /** CPU cost per unit of work: robust to other load on the machine, unlike rates and latency. */
  efficiency: {
    serverCpuMsPerConnect: number;
    /** The servers' write system calls (socket writes, mostly) per connect: a count, so it does not move with the machine's load. */
    serverWritesPerConnect?: number;
    serverCpuUsPerDelivery: number;
    /** The writer process (its data layer, relay, IPC) per measured change. */
    writerCpuMsPerChange: number;
    /** Console workers per delivery (socket.io-client parsing and the checks). */
    consoleCpuUsPerDelivery: number;
  };
  servers: ProcessUsage[];
  loadGenerator: ProcessUsage[];
  storm: { recoverMs: number | null; recovered: boolean; replayedEvents: number; missedWhileOffline: number } | null;
  measuredSeconds: number;
  /** Phases on the monotonic clock (µs), to cut CPU profiles by phase. */
  windows: { connect: [number, number]; measure: [number, number] };
  /** What else the machine was doing while we measured. */
  machine: MachineLoad;
  warnings: string[];
}

export interface TargetCheck {
  name: string;
  target: string;
  actual: string;
  pass: boolean | null;
}

export interface ScenarioResult {
  params: ScenarioParams;
  ours: SystemResult | null;
  /** Scenario E: ours again with the same consoles naming no topics. */
  control: SystemResult | null;
  baseline: SystemResult | null;
  ratios: Record<string, number | null>;
  targets: TargetCheck[];
  error: string | null;
}
