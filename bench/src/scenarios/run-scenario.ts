import { mkdirSync } from "node:fs";
import path from "node:path";
import { createTestDatabase } from "@switchboard/db/testing";
import { onInterrupt } from "../interrupt";
import { fmtNum } from "../report/format";
import { summarizeProfiles, type ProfileSummary } from "../report/profile-summary";
import type { Printer } from "../report/progress";
import { runBaseline } from "../stack/baseline-stack";
import { baselineTemplates } from "../stack/baseline-templates";
import { runOurs } from "../stack/ours-stack";
import { refreshStartSeqs, seedOrgs } from "../stack/seed";
import { buildScenarioResult } from "./evaluate";
import type { ScenarioParams } from "./params";
import type { ScenarioResult, SystemResult } from "./result";

export interface ScenarioRun extends ScenarioResult {
  profiles: ProfileSummary[];
  logDir: string;
}

function phasesOf(result: SystemResult, params: ScenarioParams) {
  const w = result.windows;
  return [
    { name: "connect", from: w.connect[0], to: w.connect[1] },
    { name: params.storm ? "storm" : "measure", from: w.measure[0], to: w.measure[1] }
  ];
}

/**
 * One scenario end to end: fresh database, seed, our stack, (E) our stack again with consoles
 * naming no topics, then the baseline with the same consoles.
 */
export async function runScenario(params: ScenarioParams, runDir: string, print: Printer, reference: SystemResult | null): Promise<ScenarioRun> {
  const logDir = path.join(runDir, params.id);
  mkdirSync(logDir, { recursive: true });
  print(`\n=== ${params.title} ===`);
  print(
    `consoles ${fmtNum(params.consoles)}, orgs ${params.orgs}, rate ${params.rate === "saturate" ? `saturate (window ${params.window})` : `${params.rate}/s`}, ` +
      `duration ${params.durationS}s (+${params.warmupS}s warmup), nodes ${params.nodes}, workers ${params.workers}, payload ${params.payloadBytes || "natural"}; logs in ${logDir}`
  );
  const test = await createTestDatabase({ poolSize: 20 });
  const forget = onInterrupt(() => test.drop());
  let ours: SystemResult | null = null;
  let control: SystemResult | null = null;
  let baseline: SystemResult | null = null;
  let profiles: ProfileSummary[] = [];
  let error: string | null = null;
  try {
    const started = Date.now();
    const orgs = await seedOrgs(
      test.database,
      test.box,
      { orgs: params.orgs, consoles: params.consoles, extensionsPerOrg: params.extensionsPerOrg, payloadBytes: params.payloadBytes, mix: params.mix },
      (done) => {
        if (done === params.consoles || done % 2000 < params.consoles / params.orgs)
          print(`[${params.id}] seeded ${fmtNum(done)}/${fmtNum(params.consoles)} users`);
      }
    );
    print(`[${params.id}] seeded ${params.orgs} orgs in ${((Date.now() - started) / 1000).toFixed(1)} s (database ${test.name})`);
    const firstOrg = orgs[0];
    if (!firstOrg) throw new Error("no organization seeded");
    const stack = { database: test.database, databaseUrl: test.url, databaseName: test.name, box: test.box, orgs, print };
    const run = await runOurs({ ...stack, params, logDir });
    ours = run.result;
    if (run.profileDir) profiles = summarizeProfiles(run.profileDir, phasesOf(ours, params));
    if (params.control) {
      // Same database, a fresh Redis and node(s); the consoles' pages read the seq reached so far.
      await refreshStartSeqs(test.database, orgs);
      const controlDir = path.join(logDir, "without-topics");
      mkdirSync(controlDir, { recursive: true });
      const controlParams: ScenarioParams = { ...params, topics: false, control: false, cpuProf: false, heapSnapshot: false };
      control = (await runOurs({ ...stack, params: controlParams, logDir: controlDir })).result;
    }
    if (params.baseline) {
      const templates = await baselineTemplates(test.database, firstOrg.id, params.mix);
      const base = await runBaseline(params, orgs, templates, logDir, print);
      baseline = base.result;
      if (base.profileDir) profiles.push(...summarizeProfiles(base.profileDir, phasesOf(baseline, params)));
    }
  } catch (e) {
    error = (e as Error).stack ?? String(e);
    print(`[${params.id}] failed: ${error}`);
  } finally {
    forget();
    await test.drop().catch(() => undefined);
  }
  return { ...buildScenarioResult(params, ours, control, baseline, reference, error), profiles, logDir };
}
