import { fmtMs, fmtNum, fmtRatio } from "../report/format";
import type { ScenarioParams } from "./params";
import type { SystemResult, TargetCheck } from "./result";

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);

/** Server CPU (all nodes) per change made in the measurement window, ms. */
export function serverCpuMsPerChange(r: SystemResult): number | null {
  if (r.changes.perSecond <= 0) return null;
  const cpu = r.servers.reduce((n, s) => n + s.cpuPercent, 0);
  return (cpu / 100 / r.changes.perSecond) * 1000;
}

/** Measured deliveries as a share of what the same consoles would get without topics (computed from the changes). */
export function deliveriesShare(r: SystemResult): { measured: number | null; expected: number | null } {
  const e = r.deliveries.expected;
  return { measured: ratio(r.deliveries.perSecond, e.withoutTopicsPerSecond), expected: ratio(e.perSecond, e.withoutTopicsPerSecond) };
}

/** Scenario E: every console connected, and deliveries and server CPU fall with the pages' topics. */
export function topicTargets(params: ScenarioParams, ours: SystemResult, control: SystemResult | null): TargetCheck[] {
  const share = deliveriesShare(ours);
  const cpu = control ? ratio(serverCpuMsPerChange(ours), serverCpuMsPerChange(control)) : null;
  return [
    {
      name: params.nodes === 1 ? "one node holds all consoles" : "every console connected",
      target: fmtNum(params.consoles),
      actual: fmtNum(ours.connect.synced),
      pass: ours.connect.synced >= params.consoles
    },
    {
      name: "deliveries/s vs the same consoles without topics (computed)",
      target: `${fmtRatio(share.expected)} (the pages' share) ± 10 %`,
      actual: `${fmtRatio(share.measured)} (${fmtNum(ours.deliveries.perSecond)} of ${fmtNum(ours.deliveries.expected.withoutTopicsPerSecond)}/s)`,
      pass: share.measured === null || share.expected === null ? null : Math.abs(share.measured / share.expected - 1) <= 0.1
    },
    {
      name: "server CPU per change vs the same consoles without topics (measured)",
      target: "< 1×",
      actual: control ? `${fmtRatio(cpu)} (${fmtMs(serverCpuMsPerChange(ours))} vs ${fmtMs(serverCpuMsPerChange(control))})` : "not run (--no-control)",
      pass: cpu === null ? null : cpu < 1
    }
  ];
}
