import type { ConsolePool } from "../consoles/console-pool";
import type { WorkerMessage } from "../consoles/protocol";
import { driveAtRate, driveWindow, type DriveControl, type DriveOutcome } from "../drive/drive";
import { monotonicUs, nowMs } from "../metrics/clock";
import { MachineLoadWatch, type MachineLoad } from "../metrics/machine-load";
import { summarizeMs } from "../metrics/histogram";
import { fmtBytes, fmtMs, fmtNum } from "../report/format";
import { everySecond, type Printer } from "../report/progress";
import type { MeterGroup } from "./meters";
import type { ScenarioParams } from "./params";
import type { SystemSetup } from "./run-system";

export interface PhaseContext {
  params: ScenarioParams;
  setup: SystemSetup;
  pool: ConsolePool;
  servers: MeterGroup;
  loadGen: MeterGroup;
  support: MeterGroup;
  print: Printer;
  label: string;
}

export interface PhaseOutcome {
  drive: DriveOutcome;
  measuredS: number;
  measuredCommits: number;
  storm: { recoverMs: number | null; recovered: boolean; missedWhileOffline: number } | null;
  machine: MachineLoad;
  /** CPU seconds over the measurement window. */
  cpuSeconds: { servers: number; writer: number; consoles: number };
  window: [number, number];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startDriving(ctx: PhaseContext): DriveControl {
  const { params, setup, pool } = ctx;
  const change = (orgIndex: number) => setup.writer.change(orgIndex);
  if (params.rate === "saturate") {
    const drive = driveWindow({ window: params.window, orgCount: params.orgs, change });
    pool.onComplete = (count) => drive.complete(count);
    pool.broadcast({ type: "track-completion", on: true });
    return drive;
  }
  // Enough in flight for the rate at a few hundred ms of commit latency; beyond that we count "late".
  return driveAtRate({ rate: params.rate, orgCount: params.orgs, maxInFlight: Math.max(64, params.rate), change });
}

/** A progress line per second: what the consoles saw in that second, and what the processes used. */
function progressTicker(ctx: PhaseContext, phase: () => string): () => void {
  const { pool, servers, loadGen, support, print, label, setup } = ctx;
  let lastCommits = setup.sink.totalCommits;
  return everySecond(() => {
    servers.tick();
    loadGen.tick();
    support.tick();
    const recent = summarizeMs(pool.recent);
    pool.recent.reset();
    const deliveries = pool.recentDeliveries;
    pool.recentDeliveries = 0;
    const commits = setup.sink.totalCommits - lastCommits;
    lastCommits = setup.sink.totalCommits;
    const p = pool.progress();
    print(
      `${label} ${phase()} | changes ${fmtNum(commits)}/s | deliveries ${fmtNum(deliveries)}/s | p50 ${fmtMs(recent.p50)} p99 ${fmtMs(recent.p99)} max ${fmtMs(recent.max)} | ` +
        `synced ${fmtNum(p.synced)} | dup ${p.duplicates} ooo ${p.outOfOrder}${ctx.params.topics ? ` off-topic ${p.offTopic}` : ""} | server cpu ${fmtNum(servers.lastCpu())}% rss ${fmtBytes(servers.rss())} | load-gen cpu ${fmtNum(loadGen.lastCpu())}%`
    );
  });
}

const machineWatch = new MachineLoadWatch();
let windowStart = 0;

function beginMeasuring(ctx: PhaseContext): number {
  machineWatch.start();
  windowStart = monotonicUs();
  ctx.setup.sink.measuring = true;
  ctx.setup.sink.measuredCommits = 0;
  ctx.setup.sink.measuredFamilies.clear();
  ctx.pool.broadcast({ type: "measure", on: true });
  ctx.pool.deliveries = 0;
  ctx.pool.latency.reset();
  ctx.servers.start();
  ctx.loadGen.start();
  ctx.support.start();
  return nowMs();
}

function endMeasuring(ctx: PhaseContext, startedAt: number): { measuredS: number; cpuSeconds: PhaseOutcome["cpuSeconds"]; window: [number, number] } {
  ctx.pool.broadcast({ type: "measure", on: false });
  ctx.setup.sink.measuring = false;
  ctx.servers.tick();
  ctx.loadGen.tick();
  ctx.support.tick();
  const cpuSeconds = {
    servers: ctx.servers.cpuSeconds(),
    writer: ctx.loadGen.cpuSeconds((name) => name.startsWith("controller")),
    consoles: ctx.loadGen.cpuSeconds((name) => name.startsWith("consoles"))
  };
  return { measuredS: (nowMs() - startedAt) / 1000, cpuSeconds, window: [windowStart, monotonicUs()] };
}

/** Warm up, then measure for `durationS` at the scenario's rate (or saturated). */
export async function runSteadyPhase(ctx: PhaseContext): Promise<PhaseOutcome> {
  const { params } = ctx;
  let phaseName = "warmup";
  let measureStart = 0;
  const stopProgress = progressTicker(ctx, () =>
    phaseName === "warmup" ? "warmup" : `measure ${Math.round((nowMs() - measureStart) / 1000)}/${params.durationS}s`
  );
  const drive = startDriving(ctx);
  try {
    await sleep(params.warmupS * 1000);
    measureStart = beginMeasuring(ctx);
    phaseName = "measure";
    await sleep(params.durationS * 1000);
    const { measuredS, cpuSeconds, window } = endMeasuring(ctx, measureStart);
    const machine = machineWatch.stop();
    const measuredCommits = ctx.setup.sink.measuredCommits;
    drive.stop();
    const outcome = await drive.done;
    return { drive: outcome, measuredS, measuredCommits, storm: null, machine, cpuSeconds, window };
  } finally {
    drive.stop();
    stopProgress();
  }
}

/**
 * Reconnect storm: changes keep coming while every console is offline for `downtimeS`; then all
 * reconnect at once, each resuming from its last seq. Recovery = until the last one finished
 * its replay (sync:done); loss and order are checked once the stream has drained.
 */
export async function runStormPhase(ctx: PhaseContext): Promise<PhaseOutcome> {
  const { params, pool, print, label } = ctx;
  const storm = params.storm ?? { downtimeS: 5, afterS: 5 };
  let phaseName = "warmup";
  const stopProgress = progressTicker(ctx, () => phaseName);
  const drive = startDriving(ctx);
  try {
    await sleep(params.warmupS * 1000);
    const measureStart = beginMeasuring(ctx);
    phaseName = "offline";
    pool.broadcast({ type: "offline" });
    const offlineCommitsBefore = ctx.setup.sink.totalCommits;
    await pool.collect("storm", params.workers, 60_000);
    await sleep(storm.downtimeS * 1000);
    const missedWhileOffline = ctx.setup.sink.totalCommits - offlineCommitsBefore;
    phaseName = "reconnecting";
    print(`${label} ${fmtNum(params.consoles)} consoles reconnecting at once; ${fmtNum(missedWhileOffline)} changes to replay across ${params.orgs} orgs`);
    const onlineAt = nowMs();
    pool.broadcast({ type: "online" });
    let recoverMs: number | null = null;
    try {
      const reports = (await pool.collect("recovered", params.workers, 180_000)) as Array<Extract<WorkerMessage, { type: "recovered" }>>;
      recoverMs = Math.max(...reports.map((r) => r.at)) - onlineAt;
      print(`${label} every console resynced ${fmtMs(recoverMs)} after reconnecting`);
    } catch (error) {
      print(`${label} not every console recovered: ${(error as Error).message}`);
    }
    phaseName = "after storm";
    await sleep(storm.afterS * 1000);
    const { measuredS, cpuSeconds, window } = endMeasuring(ctx, measureStart);
    const machine = machineWatch.stop();
    const measuredCommits = ctx.setup.sink.measuredCommits;
    drive.stop();
    const outcome = await drive.done;
    return { drive: outcome, measuredS, measuredCommits, storm: { recoverMs, recovered: recoverMs !== null, missedWhileOffline }, machine, cpuSeconds, window };
  } finally {
    drive.stop();
    stopProgress();
  }
}
