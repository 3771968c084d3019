import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { commitInfo, machineInfo } from "./report/machine";
import { raiseOwnPriority } from "./stack/priority";
import type { Printer } from "./report/progress";
import type { BenchReport } from "./report/write-report";
import { resolveParams, type ParamOverrides, type ScenarioId } from "./scenarios/params";
import type { SystemResult } from "./scenarios/result";
import { runScenario, type ScenarioRun } from "./scenarios/run-scenario";

/** Scenario A's result from the latest saved report, for scenario C's target when A is not run now. */
function savedScenarioA(dir: string): SystemResult | null {
  try {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .reverse();
    for (const file of files) {
      const report = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as BenchReport;
      const a = report.scenarios.find((s) => s.params.id === "A" && s.ours && s.params.consoles === 10_000);
      if (a?.ours) return a.ours;
    }
  } catch {
    // no saved reports
  }
  return null;
}

export async function runBench(options: {
  scenarios: ScenarioId[];
  overrides: ParamOverrides;
  resultsDir: string;
  command: string;
  print: Printer;
}): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const runDir = path.join(os.tmpdir(), `switchboard-bench-${startedAt.replace(/[:.]/g, "-")}`);
  const scenarios: ScenarioRun[] = [];
  raiseOwnPriority(options.overrides.nice ?? null);
  for (const id of options.scenarios) {
    const params = resolveParams(id, options.overrides);
    const reference = scenarios.find((s) => s.params.id === "A")?.ours ?? (id === "C" ? savedScenarioA(options.resultsDir) : null);
    scenarios.push(await runScenario(params, runDir, options.print, reference));
  }
  return { startedAt, finishedAt: new Date().toISOString(), commit: commitInfo(), machine: machineInfo(), command: options.command, scenarios };
}
