import type { ScenarioParams } from "../scenarios/params";
import type { ScenarioResult, SystemResult } from "../scenarios/result";
import { fmtBytes, fmtMs, fmtNum, fmtRatio } from "./format";

type Row = [label: string, pick: (r: SystemResult) => string, ratioKey?: string, shown?: (p: ScenarioParams) => boolean];

const onPages = (p: ScenarioParams) => p.mix === "pages";

const sumCpu = (r: SystemResult) => r.servers.reduce((n, s) => n + s.cpuPercent, 0);
const peakCpu = (r: SystemResult) => Math.max(0, ...r.servers.map((s) => s.peakCpuPercent));
const peakRss = (r: SystemResult) => r.servers.reduce((n, s) => n + s.peakRssBytes, 0);
const loadCpu = (r: SystemResult) => r.loadGenerator.filter((p) => p.name !== "redis-server").reduce((n, s) => n + s.cpuPercent, 0);

const ROWS: Row[] = [
  ["consoles connected", (r) => `${fmtNum(r.connect.synced)}/${fmtNum(r.consoles)}`],
  ["connect rate (consoles/s)", (r) => fmtNum(r.connect.perSecond), "connectRate"],
  ["connect → synced p50 / p99", (r) => `${fmtMs(r.connect.latency.p50)} / ${fmtMs(r.connect.latency.p99)}`],
  ["memory per idle console (RSS)", (r) => fmtBytes(r.memory.perConsoleBytes), "memoryPerConsole"],
  ["heap per idle console", (r) => (r.memory.heapPerConsoleBytes === null ? "-" : fmtBytes(r.memory.heapPerConsoleBytes))],
  ["changes/s (measured)", (r) => fmtNum(r.changes.perSecond, 1)],
  ["deliveries/s", (r) => fmtNum(r.deliveries.perSecond), "deliveriesPerSecond"],
  ["  expected from the consoles' topics (computed)", (r) => fmtNum(r.deliveries.expected.perSecond), undefined, onPages],
  ["  without topics (computed)", (r) => fmtNum(r.deliveries.expected.withoutTopicsPerSecond), undefined, onPages],
  ["event size (JSON)", (r) => fmtBytes(r.deliveries.eventBytes)],
  ["commit → console p50", (r) => fmtMs(r.latency.p50), "latencyP50"],
  ["commit → console p95", (r) => fmtMs(r.latency.p95), "latencyP95"],
  ["commit → console p99", (r) => fmtMs(r.latency.p99), "latencyP99"],
  ["commit → console max", (r) => fmtMs(r.latency.max)],
  ["  of which commit → Redis (relay) p50 / p99", (r) => (r.relayLatency ? `${fmtMs(r.relayLatency.p50)} / ${fmtMs(r.relayLatency.p99)}` : "-")],
  ["    commit → relay's append call p50 / p99", (r) => (r.relayStages ? `${fmtMs(r.relayStages.toAppend.p50)} / ${fmtMs(r.relayStages.toAppend.p99)}` : "-")],
  [
    "    Redis append duration p50 / p99",
    (r) => (r.relayStages ? `${fmtMs(r.relayStages.appendDuration.p50)} / ${fmtMs(r.relayStages.appendDuration.p99)}` : "-")
  ],
  ["lost / dup / out-of-order", (r) => `${r.correctness.lost} / ${r.correctness.duplicates} / ${r.correctness.outOfOrder}`],
  ["unauthorized / resyncs", (r) => `${r.correctness.unauthorized} / ${r.correctness.resyncs}`],
  ["off-topic (outside the page's topics)", (r) => fmtNum(r.correctness.offTopic), undefined, (p) => p.topics],
  ["server CPU avg (peak), % of a core", (r) => `${fmtNum(sumCpu(r))} (${fmtNum(peakCpu(r))})`, "serverCpu"],
  ["server RSS peak", (r) => fmtBytes(peakRss(r))],
  ["server CPU per connect", (r) => fmtMs(r.efficiency.serverCpuMsPerConnect), "cpuPerConnect"],
  ["server write calls per connect", (r) => fmtNum(r.efficiency.serverWritesPerConnect, 1), "writesPerConnect"],
  ["server CPU per delivery", (r) => `${fmtNum(r.efficiency.serverCpuUsPerDelivery, 1)} µs`, "cpuPerDelivery"],
  ["writer process CPU per change", (r) => fmtMs(r.efficiency.writerCpuMsPerChange)],
  ["console workers CPU per delivery", (r) => `${fmtNum(r.efficiency.consoleCpuUsPerDelivery, 1)} µs`],
  ["load generator CPU (workers+writer)", (r) => `${fmtNum(loadCpu(r))}%`],
  ["redis CPU", (r) => fmtNum(r.loadGenerator.find((p) => p.name === "redis-server")?.cpuPercent ?? NaN) + "%"],
  ["machine CPU busy (all processes)", (r) => `${fmtNum(r.machine.machineCpuPercent)}%`],
  ["load average (start → end)", (r) => r.machine.loadAverage.map((l) => l.toFixed(1)).join(" → ")],
  ["writer event-loop delay p99", (r) => fmtMs(r.machine.controllerLoopDelayMs.p99)],
  ["reconnect storm: all resynced after", (r) => (r.storm ? fmtMs(r.storm.recoverMs) : "-"), "recoverTime"],
  ["reconnect storm: events replayed", (r) => (r.storm ? fmtNum(r.storm.replayedEvents) : "-")]
];

/** Rows: metric | ours | baseline | ours/baseline. */
export function scenarioRows(result: ScenarioResult): string[][] {
  const rows: string[][] = [["metric", "ours", "bare Socket.IO", "ours/baseline"]];
  for (const [label, pick, ratioKey, shown] of ROWS) {
    if (label.startsWith("reconnect storm") && !result.params.storm) continue;
    if (shown && !shown(result.params)) continue;
    rows.push([label, result.ours ? pick(result.ours) : "-", result.baseline ? pick(result.baseline) : "-", ratioKey ? fmtRatio(result.ratios[ratioKey]) : ""]);
  }
  return rows;
}

export function targetRows(result: ScenarioResult): string[][] {
  return [["target", "goal", "actual", "met"], ...result.targets.map((t) => [t.name, t.target, t.actual, t.pass === null ? "n/a" : t.pass ? "yes" : "NO"])];
}
