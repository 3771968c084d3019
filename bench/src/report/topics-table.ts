import { mixShares } from "../drive/change-mix";
import type { ScenarioResult, SystemResult } from "../scenarios/result";
import { serverCpuMsPerChange } from "../scenarios/topic-targets";
import { PAGE_TOPICS, type PageName } from "../stack/pages";
import { fmtBytes, fmtMs, fmtNum, fmtRatio } from "./format";

type Row = [label: string, pick: (r: SystemResult) => number | null, format: (n: number | null) => string];

const sumCpu = (r: SystemResult) => r.servers.reduce((n, s) => n + s.cpuPercent, 0);
const num = (n: number | null) => fmtNum(n);

const ROWS: Row[] = [
  ["changes/s (measured)", (r) => r.changes.perSecond, (n) => fmtNum(n, 1)],
  ["deliveries/s (measured)", (r) => r.deliveries.perSecond, num],
  ["deliveries/s expected (computed from the changes and the consoles)", (r) => r.deliveries.expected.perSecond, num],
  ["server CPU avg, % of a core", sumCpu, num],
  ["server CPU per change", serverCpuMsPerChange, fmtMs],
  ["server CPU per delivery (µs)", (r) => r.efficiency.serverCpuUsPerDelivery, (n) => fmtNum(n, 1)],
  ["commit → console p50", (r) => r.latency.p50, fmtMs],
  ["commit → console p99", (r) => r.latency.p99, fmtMs],
  ["memory per idle console (RSS)", (r) => r.memory.perConsoleBytes, (n) => (n === null ? "-" : fmtBytes(n))]
];

/** Scenario E, with topics next to the same consoles naming none (measured, or only computed when not run). */
export function topicRows(result: ScenarioResult): string[][] | null {
  const ours = result.ours;
  if (!ours || !result.params.topics) return null;
  const control = result.control;
  const rows: string[][] = [["metric", "with topics", "without topics", "with / without"]];
  for (const [label, pick, format] of ROWS) {
    const a = pick(ours);
    const b = control ? pick(control) : null;
    rows.push([label, format(a), control ? format(b) : "-", a !== null && b !== null && b !== 0 ? fmtRatio(a / b) : ""]);
  }
  const without = ours.deliveries.expected.withoutTopicsPerSecond;
  rows.push(["deliveries/s without topics (computed)", "", fmtNum(without), without ? fmtRatio(ours.deliveries.perSecond / without) : ""]);
  return rows;
}

/** Per page: who is there, what it names, what arrived and what went wrong. */
export function pageRows(result: ScenarioResult): string[][] | null {
  const pages = result.ours?.pages;
  if (!pages) return null;
  const rows: string[][] = [["page", "consoles", "topics (webhooks: admins)", "events received", "lost / dup / out-of-order", "off-topic / unauthorized"]];
  for (const name of Object.keys(PAGE_TOPICS) as PageName[]) {
    const t = pages[name];
    if (!t) continue;
    rows.push([
      name,
      fmtNum(t.consoles),
      PAGE_TOPICS[name].join(", "),
      fmtNum(t.received),
      `${t.lost} / ${t.duplicates} / ${t.outOfOrder}`,
      `${t.offTopic} / ${t.unauthorized}`
    ]);
  }
  return rows;
}

/** The change mix, e.g. "80 % extension, 15 % ticket, 5 % user updates". */
export function mixLine(result: ScenarioResult): string {
  const shares = Object.entries(mixShares(result.params.mix)).filter(([, share]) => share > 0);
  return `${shares.map(([kind, share]) => `${Math.round(share * 100)} % ${kind}`).join(", ")} updates`;
}
