import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DomainEvent } from "@switchboard/contracts";
import { toEnvelope } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { onInterrupt } from "../interrupt";
import { fmtNum } from "../report/format";
import { summarizeProfiles, type ProfileSummary } from "../report/profile-summary";
import type { Printer } from "../report/progress";
import { runBaseline } from "../stack/baseline-stack";
import { runOurs } from "../stack/ours-stack";
import { seedOrgs } from "../stack/seed";
import { buildScenarioResult } from "./evaluate";
import type { ScenarioParams } from "./params";
import type { ScenarioResult, SystemResult } from "./result";

export interface ScenarioRun extends ScenarioResult {
  profiles: ProfileSummary[];
  logDir: string;
}

/** One scenario end to end: fresh database, seed, our stack, then the baseline with the same consoles. */
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
  let baseline: SystemResult | null = null;
  let profiles: ProfileSummary[] = [];
  let error: string | null = null;
  try {
    const started = Date.now();
    const orgs = await seedOrgs(
      test.database,
      test.box,
      { orgs: params.orgs, consoles: params.consoles, extensionsPerOrg: params.extensionsPerOrg, payloadBytes: params.payloadBytes },
      (done) => {
        if (done === params.consoles || done % 2000 < params.consoles / params.orgs)
          print(`[${params.id}] seeded ${fmtNum(done)}/${fmtNum(params.consoles)} users`);
      }
    );
    print(`[${params.id}] seeded ${params.orgs} orgs in ${((Date.now() - started) / 1000).toFixed(1)} s (database ${test.name})`);
    const run = await runOurs({ params, database: test.database, databaseUrl: test.url, databaseName: test.name, box: test.box, orgs, logDir, print });
    ours = run.result;
    if (run.profileDir) {
      const w = ours.windows;
      profiles = summarizeProfiles(run.profileDir, [
        { name: "connect", from: w.connect[0], to: w.connect[1] },
        { name: params.storm ? "storm" : "measure", from: w.measure[0], to: w.measure[1] }
      ]);
    }
    if (params.baseline) {
      const firstOrg = orgs[0];
      const sample = firstOrg ? await test.database.raw.outboxEvent.findFirst({ where: { organizationId: firstOrg.id }, orderBy: { seq: "desc" } }) : null;
      if (!sample) throw new Error("no event to use as the baseline's payload");
      const template: DomainEvent = { ...toEnvelope(sample), type: "extension.updated" } as DomainEvent;
      const base = await runBaseline(params, orgs, template, logDir, print);
      baseline = base.result;
      if (base.profileDir) {
        const w = baseline.windows;
        profiles.push(
          ...summarizeProfiles(base.profileDir, [
            { name: "connect", from: w.connect[0], to: w.connect[1] },
            { name: params.storm ? "storm" : "measure", from: w.measure[0], to: w.measure[1] }
          ])
        );
      }
    }
  } catch (e) {
    error = (e as Error).stack ?? String(e);
    print(`[${params.id}] failed: ${error}`);
  } finally {
    forget();
    await test.drop().catch(() => undefined);
  }
  return { ...buildScenarioResult(params, ours, baseline, reference, error), profiles, logDir };
}
