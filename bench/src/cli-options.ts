import { parseArgs } from "node:util";
import { z } from "zod";
import type { ParamOverrides, ScenarioId } from "./scenarios/params";

export interface CliOptions {
  scenarios: ScenarioId[];
  overrides: ParamOverrides;
  outDir: string | null;
  quiet: boolean;
}

export const USAGE = `npm run bench -w @switchboard/bench -- [options]

  --scenario A|B|C|D|E|smoke|all which scenario(s) to run (default: all = A B C D E)
  --consoles N                   simulated consoles
  --orgs N                       organizations they are spread over
  --rate N|saturate              changes per second, or a closed loop that saturates delivery
  --window N                     saturate: changes in flight until delivered to every console (default 32)
  --duration S                   measured seconds (after --warmup S)
  --nodes N                      realtime nodes (consoles spread round-robin)
  --payload BYTES                envelope size (default: natural, ~0.6 KB)
  --workers N                    console worker processes (default 2)
  --concurrency N                handshakes in flight per worker while connecting (default 200)
  --writer hooked|service        how changes are made: the hooked Prisma client (default) or the
                                 full updateExtension service (policy, validation, read + write)
  --relay none|real|batched      the writer's relay: none (default, as the cluster runs: the nodes'
                                 relays publish, woken by NOTIFY), createRelay in the writer process
                                 (the layout before), or the batched experiment in src/experiments
  --downtime S                   scenario D: seconds the consoles stay offline
  --no-control                   scenario E: skip the second run of ours with consoles naming no topics
                                 (deliveries without topics are still computed, CPU is not measured)
  --no-baseline                  skip the bare Socket.IO baseline
  --cpu-prof                     write V8 CPU profiles of the realtime node(s) and summarize them
  --heap-snapshot                heap snapshots of the server before/after connecting: objects per console
  --nice=N                       run the bench's processes (and its PostgreSQL backends) at niceness N,
                                 e.g. --nice=-10 on a machine shared with other work (needs CAP_SYS_NICE)
  --node-relay real|off          experiment: nodes without their safety-net relay (the node's RELAY=off)
  --node-flags="F1 F2"           extra Node/V8 flags for the realtime nodes (tuning experiments)
  --out DIR                      where reports go (default bench/results)
  --quiet                        no progress lines`;

const int = z.coerce.number().int().positive();
const schema = z.object({
  scenario: z.enum(["A", "B", "C", "D", "E", "smoke", "all"]).default("all"),
  consoles: int.optional(),
  orgs: int.optional(),
  rate: z.union([z.literal("saturate"), z.coerce.number().positive()]).optional(),
  window: int.optional(),
  duration: z.coerce.number().positive().optional(),
  warmup: z.coerce.number().nonnegative().optional(),
  nodes: int.optional(),
  payload: z.coerce.number().int().nonnegative().optional(),
  workers: int.optional(),
  concurrency: int.optional(),
  downtime: z.coerce.number().positive().optional(),
  writer: z.enum(["hooked", "service"]).optional(),
  relay: z.enum(["real", "batched", "none"]).optional(),
  "no-baseline": z.boolean().optional(),
  "no-control": z.boolean().optional(),
  "cpu-prof": z.boolean().optional(),
  "heap-snapshot": z.boolean().optional(),
  nice: z.coerce.number().int().min(-20).max(19).optional(),
  "node-flags": z.string().optional(),
  "node-relay": z.enum(["real", "off"]).optional(),
  out: z.string().optional(),
  quiet: z.boolean().optional(),
  help: z.boolean().optional()
});

export function parseCli(argv: string[]): CliOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: "string" },
      consoles: { type: "string" },
      orgs: { type: "string" },
      rate: { type: "string" },
      window: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      nodes: { type: "string" },
      payload: { type: "string" },
      workers: { type: "string" },
      concurrency: { type: "string" },
      downtime: { type: "string" },
      writer: { type: "string" },
      relay: { type: "string" },
      "no-baseline": { type: "boolean" },
      "no-control": { type: "boolean" },
      "cpu-prof": { type: "boolean" },
      "heap-snapshot": { type: "boolean" },
      nice: { type: "string" },
      "node-flags": { type: "string" },
      "node-relay": { type: "string" },
      out: { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  const o = schema.parse(values);
  if (o.help) return "help";
  const overrides: ParamOverrides = {};
  if (o.consoles !== undefined) overrides.consoles = o.consoles;
  if (o.orgs !== undefined) overrides.orgs = o.orgs;
  if (o.rate !== undefined) overrides.rate = o.rate;
  if (o.window !== undefined) overrides.window = o.window;
  if (o.duration !== undefined) overrides.durationS = o.duration;
  if (o.warmup !== undefined) overrides.warmupS = o.warmup;
  if (o.nodes !== undefined) overrides.nodes = o.nodes;
  if (o.payload !== undefined) overrides.payloadBytes = o.payload;
  if (o.workers !== undefined) overrides.workers = o.workers;
  if (o.concurrency !== undefined) overrides.connectConcurrency = o.concurrency;
  if (o.downtime !== undefined) overrides.downtimeS = o.downtime;
  if (o.writer !== undefined) overrides.writer = o.writer;
  if (o.relay !== undefined) overrides.relay = o.relay;
  if (o["no-baseline"]) overrides.baseline = false;
  if (o["no-control"]) overrides.control = false;
  if (o["cpu-prof"]) overrides.cpuProf = true;
  if (o["heap-snapshot"]) overrides.heapSnapshot = true;
  if (o.nice !== undefined) overrides.nice = o.nice;
  if (o["node-relay"]) overrides.nodeRelay = o["node-relay"];
  if (o["node-flags"]) overrides.nodeFlags = o["node-flags"].split(/\s+/).filter(Boolean);
  return {
    scenarios: o.scenario === "all" ? ["A", "B", "C", "D", "E"] : [o.scenario],
    overrides,
    outDir: o.out ?? null,
    quiet: Boolean(o.quiet)
  };
}
