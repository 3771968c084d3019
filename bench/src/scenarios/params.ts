import type { ChangeMix } from "../drive/change-mix";
import type { WriterMode } from "../drive/writers";

export type ScenarioId = "A" | "B" | "C" | "D" | "E" | "smoke";

export interface ScenarioParams {
  id: ScenarioId;
  title: string;
  consoles: number;
  orgs: number;
  /** Changes per second, or "saturate": a closed loop keeping `window` changes undelivered. */
  rate: number | "saturate";
  window: number;
  durationS: number;
  warmupS: number;
  nodes: number;
  /** Target envelope size in bytes; 0 = the natural size of an extension change (~0.6 KB). */
  payloadBytes: number;
  workers: number;
  extensionsPerOrg: number;
  /** Handshakes in flight per worker while opening consoles. */
  connectConcurrency: number;
  writer: WriterMode;
  /** The writer process's relay: the real one (createRelay), the batched experiment, or none (the nodes' relays publish). */
  relay: "real" | "batched" | "none";
  baseline: boolean;
  cpuProf: boolean;
  /** Extra V8/Node flags for the realtime nodes (deployment tuning experiments, e.g. --max-semi-space-size=64). */
  nodeFlags: string[];
  /** The nodes' safety-net relay: as main.ts runs it, or left out (experiment). */
  nodeRelay: "real" | "off";
  /** Process niceness for the bench's processes and its PostgreSQL backends (null: leave as is). */
  nice: number | null;
  /** Heap snapshots of the (single) server before and after connecting: what one console costs. */
  heapSnapshot: boolean;
  /** Reconnect storm: consoles go offline for downtimeS while changes continue, then all reconnect. */
  storm: { downtimeS: number; afterS: number } | null;
  /** What the writer changes (see ChangeMix); "pages" also spreads the consoles over pages. */
  mix: ChangeMix;
  /** Consoles on pages name their page's topics in the handshake (false: none, every family). */
  topics: boolean;
  /** With topics: run ours a second time with consoles naming none, on the same database (the comparison). */
  control: boolean;
}

const common = {
  window: 8,
  warmupS: 5,
  nodes: 1,
  payloadBytes: 0,
  workers: 2,
  extensionsPerOrg: 10,
  connectConcurrency: 200,
  writer: "hooked",
  // As the cluster runs: the web process makes changes, the realtime nodes' relays publish them.
  relay: "none",
  baseline: true,
  cpuProf: false,
  heapSnapshot: false,
  nice: null,
  nodeFlags: [],
  nodeRelay: "real",
  storm: null,
  mix: "extensions",
  topics: false,
  control: false
} satisfies Partial<ScenarioParams>;

const PRESETS: Record<ScenarioId, ScenarioParams> = {
  smoke: { ...common, id: "smoke", title: "Smoke: 200 consoles, 2 orgs", consoles: 200, orgs: 2, rate: 50, durationS: 3, warmupS: 1, extensionsPerOrg: 4 },
  A: { ...common, id: "A", title: "A: 10,000 consoles / 100 orgs / 200 changes/s, one node", consoles: 10_000, orgs: 100, rate: 200, durationS: 30 },
  B: { ...common, id: "B", title: "B: one hot org, 5,000 consoles, saturated", consoles: 5_000, orgs: 1, rate: "saturate", durationS: 20, warmupS: 3 },
  C: { ...common, id: "C", title: "C: scenario A over two nodes through Redis", consoles: 10_000, orgs: 100, rate: 200, durationS: 30, nodes: 2 },
  D: {
    ...common,
    id: "D",
    title: "D: reconnect storm, 5,000 consoles drop and resume at once",
    consoles: 5_000,
    orgs: 50,
    // The storm, not the writer, is under test: A's 200 changes/s alone takes the writer a core.
    rate: 50,
    durationS: 0,
    warmupS: 3,
    storm: { downtimeS: 10, afterS: 5 }
  },
  E: {
    ...common,
    id: "E",
    title: "E: scenario A with consoles on pages (operator, tickets, settings) naming their topics",
    consoles: 10_000,
    orgs: 100,
    rate: 200,
    durationS: 30,
    mix: "pages",
    topics: true,
    control: true
  }
};

export type ParamOverrides = Partial<Omit<ScenarioParams, "id" | "title" | "storm">> & { downtimeS?: number };

export function resolveParams(id: ScenarioId, overrides: ParamOverrides): ScenarioParams {
  const preset = PRESETS[id];
  const { downtimeS, ...rest } = overrides;
  const params: ScenarioParams = { ...preset, ...rest };
  if (preset.storm && downtimeS !== undefined) params.storm = { ...preset.storm, downtimeS };
  params.orgs = Math.max(1, Math.min(params.orgs, params.consoles));
  params.workers = Math.max(1, params.workers);
  if (!params.topics) params.control = false;
  return params;
}
