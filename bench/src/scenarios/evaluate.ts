import type { ScenarioParams } from "./params";
import type { ScenarioResult, SystemResult, TargetCheck } from "./result";
import { fmtBytes, fmtMs, fmtNum, fmtRatio } from "../report/format";
import { topicTargets } from "./topic-targets";

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : Math.round((a / b) * 100) / 100;

const serverCpu = (r: SystemResult) => r.servers.reduce((n, s) => n + s.cpuPercent, 0);

function computeRatios(ours: SystemResult | null, baseline: SystemResult | null): Record<string, number | null> {
  if (!ours || !baseline) return {};
  return {
    latencyP50: ratio(ours.latency.p50, baseline.latency.p50),
    latencyP95: ratio(ours.latency.p95, baseline.latency.p95),
    latencyP99: ratio(ours.latency.p99, baseline.latency.p99),
    deliveriesPerSecond: ratio(ours.deliveries.perSecond, baseline.deliveries.perSecond),
    memoryPerConsole: ratio(ours.memory.perConsoleBytes, baseline.memory.perConsoleBytes),
    connectRate: ratio(ours.connect.perSecond, baseline.connect.perSecond),
    serverCpu: ratio(serverCpu(ours), serverCpu(baseline)),
    cpuPerConnect: ratio(ours.efficiency.serverCpuMsPerConnect, baseline.efficiency.serverCpuMsPerConnect),
    writesPerConnect: ratio(ours.efficiency.serverWritesPerConnect, baseline.efficiency.serverWritesPerConnect),
    cpuPerDelivery: ratio(ours.efficiency.serverCpuUsPerDelivery, baseline.efficiency.serverCpuUsPerDelivery),
    recoverTime: ratio(ours.storm?.recoverMs, baseline.storm?.recoverMs)
  };
}

/** Every expected event once, in order, only to who may see it and subscribed to it, and nothing left behind. */
export function isCorrect(r: SystemResult): boolean {
  const c = r.correctness;
  return c.lost === 0 && c.duplicates === 0 && c.outOfOrder === 0 && c.unauthorized === 0 && c.offTopic === 0 && c.resyncs === 0 && c.caughtUp;
}

function correctnessCheck(r: SystemResult, topics: boolean): TargetCheck {
  const c = r.correctness;
  const drained = c.caughtUp ? "" : " (not drained)";
  if (topics)
    return {
      name: "every event of the page's topics exactly once, in order, authorized; nothing else",
      target: "0 lost / dup / out-of-order / unauthorized / off-topic / resync",
      actual: `${c.lost} / ${c.duplicates} / ${c.outOfOrder} / ${c.unauthorized} / ${c.offTopic} / ${c.resyncs}${drained}`,
      pass: isCorrect(r)
    };
  return {
    name: "every event exactly once, in order, authorized",
    target: "0 lost / dup / out-of-order / unauthorized / resync",
    actual: `${c.lost} / ${c.duplicates} / ${c.outOfOrder} / ${c.unauthorized} / ${c.resyncs}${drained}`,
    pass: isCorrect(r)
  };
}

/** The targets for each scenario. `reference` is scenario A's result (for C); `control` E's run without topics. */
function checkTargets(
  params: ScenarioParams,
  ours: SystemResult | null,
  control: SystemResult | null,
  baseline: SystemResult | null,
  reference: SystemResult | null
): TargetCheck[] {
  if (!ours) return [{ name: "scenario ran", target: "yes", actual: "no", pass: false }];
  const checks: TargetCheck[] = [correctnessCheck(ours, params.topics)];
  switch (params.id) {
    case "A":
      checks.push(
        {
          name: "one node holds all consoles",
          target: fmtNum(params.consoles),
          actual: fmtNum(ours.connect.synced),
          pass: ours.connect.synced >= params.consoles
        },
        {
          name: "memory per idle console (node RSS)",
          target: "≤ 15 KB",
          actual: fmtBytes(ours.memory.perConsoleBytes),
          pass: ours.memory.perConsoleBytes <= 15 * 1024
        },
        { name: "commit → console p50", target: "≤ 5 ms", actual: fmtMs(ours.latency.p50), pass: ours.latency.p50 <= 5 },
        { name: "commit → console p99", target: "≤ 30 ms", actual: fmtMs(ours.latency.p99), pass: ours.latency.p99 <= 30 }
      );
      break;
    case "B": {
      const r = ratio(ours.deliveries.perSecond, baseline?.deliveries.perSecond);
      checks.push({ name: "deliveries/s vs bare Socket.IO", target: "≥ 0.85×", actual: fmtRatio(r), pass: r === null ? null : r >= 0.85 });
      break;
    }
    case "C": {
      const limit = reference ? reference.latency.p99 * 1.5 : null;
      checks.push({
        name: "p99 over two nodes vs scenario A",
        target: limit === null ? "≤ 1.5 × A's p99 (A not available)" : `≤ ${fmtMs(limit)} (1.5 × ${fmtMs(reference?.latency.p99)})`,
        actual: fmtMs(ours.latency.p99),
        pass: limit === null ? null : ours.latency.p99 <= limit
      });
      break;
    }
    case "D":
      checks.push({
        name: "all consoles recovered (time to recover)",
        target: "all, 0 lost",
        actual: ours.storm?.recovered ? `all in ${fmtMs(ours.storm.recoverMs)}` : "not all",
        pass: Boolean(ours.storm?.recovered) && isCorrect(ours)
      });
      break;
    case "E":
      checks.push(...topicTargets(params, ours, control));
      break;
    case "smoke":
      break;
  }
  return checks;
}

export function buildScenarioResult(
  params: ScenarioParams,
  ours: SystemResult | null,
  control: SystemResult | null,
  baseline: SystemResult | null,
  reference: SystemResult | null,
  error: string | null
): ScenarioResult {
  const targets = checkTargets(params, ours, control, baseline, reference);
  if (control) targets.push({ ...correctnessCheck(control, false), name: "without topics: every event exactly once, in order, authorized" });
  return { params, ours, control, baseline, ratios: computeRatios(ours, baseline), targets, error };
}
