import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveParams } from "../src/scenarios/params";
import { runScenario } from "../src/scenarios/run-scenario";

/**
 * The benchmark harness in a tiny configuration, as CI runs it: the real stack (PostgreSQL,
 * private Redis, a realtime node process, relay, socket.io-client consoles in worker processes).
 * Correctness only — no timing assertions.
 */
const CORRECT = { lost: 0, duplicates: 0, outOfOrder: 0, unauthorized: 0, offTopic: 0, resyncs: 0, untimed: 0, caughtUp: true };

// Reports go to a folder of this run's own, removed afterwards.
const outDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-bench-test-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("benchmark harness, smoke configuration", () => {
  it("delivers every committed change to every console allowed to see it, exactly once and in order", async () => {
    const params = resolveParams("smoke", { baseline: false });
    const lines: string[] = [];
    const run = await runScenario(params, outDir, (line) => lines.push(line), null);
    const log = lines.join("\n");

    expect(run.error, log).toBeNull();
    const ours = run.ours;
    if (!ours) throw new Error(`no result:\n${log}`);
    expect(ours.connect.synced).toBe(params.consoles);
    expect(ours.changes.committed).toBeGreaterThan(0);
    expect(ours.deliveries.total).toBeGreaterThan(0);
    expect(ours.correctness, log).toEqual(CORRECT);
  });

  it("replays what consoles missed while offline when they all reconnect at once", async () => {
    const params = resolveParams("D", { consoles: 100, orgs: 4, rate: 40, warmupS: 1, baseline: false, downtimeS: 1 });
    params.storm = { downtimeS: 1, afterS: 1 };
    const lines: string[] = [];
    const run = await runScenario(params, outDir, (line) => lines.push(line), null);
    const log = lines.join("\n");

    expect(run.error, log).toBeNull();
    const ours = run.ours;
    if (!ours) throw new Error(`no result:\n${log}`);
    expect(ours.storm?.recovered, log).toBe(true);
    expect(ours.storm?.replayedEvents, log).toBeGreaterThan(0);
    expect(ours.correctness, log).toEqual(CORRECT);
  });

  it("sends consoles on pages exactly the events of their topics", { timeout: 120_000 }, async () => {
    const params = resolveParams("E", { consoles: 24, orgs: 2, rate: 40, durationS: 2, warmupS: 1, baseline: false, control: false });
    const lines: string[] = [];
    const run = await runScenario(params, outDir, (line) => lines.push(line), null);
    const log = lines.join("\n");

    expect(run.error, log).toBeNull();
    const ours = run.ours;
    if (!ours) throw new Error(`no result:\n${log}`);
    expect(ours.connect.synced).toBe(params.consoles);
    expect(ours.correctness, log).toEqual(CORRECT);
    expect(ours.pages?.operator?.received, log).toBeGreaterThan(0);
    expect(ours.pages?.tickets?.received, log).toBeGreaterThan(0);
    expect(ours.deliveries.expected.perSecond).toBeLessThan(ours.deliveries.expected.withoutTopicsPerSecond);
  });
});
