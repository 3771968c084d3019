import type { TopicFamily } from "@switchboard/contracts";
import type { SparseHistogram } from "../metrics/histogram";
import type { PageName } from "../stack/pages";

/** One simulated console as the controller assigns it to a worker process. */
export interface ConsoleSpec {
  url: string;
  /** Source address on 127/8, so many consoles never run out of ephemeral ports. */
  localAddress: string;
  orgId: string;
  /** Whether its user may see the writer's changes: staff every kind the writer makes, customers none. */
  receives: boolean;
  /** Realtime token (ours) or nothing (the bare baseline server). */
  token?: string;
  /** Baseline only: the room the bare server puts this client in. */
  room?: string;
  /** Seq the console starts from (what its page read), sent as auth.lastSeq like a real console. */
  startSeq: number;
  /** The page it shows (scenario E), for the per-page figures. */
  page?: PageName;
  /** Topics named in the handshake (auth.topics, each from the console's lastSeq); absent: none named. */
  topics?: TopicFamily[];
}

/** Correctness and deliveries of the consoles on one page. */
export interface PageTotals {
  consoles: number;
  received: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  offTopic: number;
  unauthorized: number;
}

export type CommitItem = [orgId: string, seq: number, at: number, family: TopicFamily | null];

export interface OpenCommand {
  type: "open";
  consoles: ConsoleSpec[];
  /** Handshakes in flight per worker while opening. */
  concurrency: number;
}

export type ControllerMessage =
  | OpenCommand
  /** Commit (or send) times: [orgId, seq, epoch ms, or -1 outside the measurement window, the event's family]. */
  | { type: "commits"; items: CommitItem[] }
  /** Count deliveries (for deliveries/s) while on. Latency is kept for commits sent with a time. */
  | { type: "measure"; on: boolean }
  /** Report [orgId, seq] once every receiving console here has it (saturation window). */
  | { type: "track-completion"; on: boolean }
  /** Reconnect storm: drop every connection now... */
  | { type: "offline" }
  /** ...and reconnect them all at once, resuming from the last seq seen. */
  | { type: "online" }
  /** Report whether every console has every event up to these heads. */
  | { type: "check"; heads: Record<string, number> }
  | { type: "finish"; heads: Record<string, number> }
  | { type: "close" };

interface HistogramSnapshot {
  buckets: SparseHistogram;
  count: number;
  max: number;
  min: number;
  sum: number;
}

export interface ProgressReport {
  type: "progress";
  workerId: number;
  opened: number;
  connected: number;
  /** Consoles whose latest (re)connect has finished its sync. */
  synced: number;
  connectErrors: number;
  disconnects: number;
  /** Deliveries since the last report. */
  deliveries: number;
  /** Latency since the last report (µs), measurement window only. */
  latency: HistogramSnapshot;
  duplicates: number;
  outOfOrder: number;
  unauthorized: number;
  offTopic: number;
  resyncs: number;
}

export interface FinalReport {
  type: "final";
  workerId: number;
  consoles: number;
  received: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  unauthorized: number;
  offTopic: number;
  resyncs: number;
  /** Per page, for consoles that show one. */
  pages: Partial<Record<PageName, PageTotals>>;
  /** Deliveries that arrived with no commit time known (e.g. before measuring began). */
  untimed: number;
  /** Open → first sync (µs). */
  connectLatency: HistogramSnapshot;
  /** First console opened → last one synced (ms), for the connect rate. */
  openWindowMs: number;
  /** After `online`: when the last console finished its sync (epoch ms). */
  lastResyncedAt: number | null;
  replayedEvents: number;
  /** connect_error count by data.code (server refusals) or message (transport failures). */
  connectErrorReasons: Record<string, number>;
  /** Average JSON size of a delivered event (sampled). */
  eventBytes: number;
}

export type WorkerMessage =
  | ProgressReport
  | FinalReport
  | { type: "opened"; workerId: number; connected: number; failed: number }
  | { type: "completed"; items: Array<[string, number]> }
  | { type: "checked"; workerId: number; caughtUp: boolean; behind: number }
  | { type: "storm"; workerId: number; phase: "offline" | "online"; at: number }
  | { type: "recovered"; workerId: number; at: number }
  | { type: "error"; workerId: number; message: string };
