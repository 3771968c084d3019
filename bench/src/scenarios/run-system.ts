import os from "node:os";
import { mergePageTotals } from "../consoles/console-totals";
import { ConsolePool } from "../consoles/console-pool";
import type { ConsoleSpec, FinalReport } from "../consoles/protocol";
import type { ChangeWriter } from "../drive/writers";
import { monotonicUs, nowMs } from "../metrics/clock";
import { Histogram, summarizeMs } from "../metrics/histogram";
import { rssOf } from "../metrics/proc-stats";
import { fmtBytes, fmtMs, fmtNum } from "../report/format";
import { censusOf, diffPerConsole, removeSnapshot, takeHeapSnapshot } from "../report/heap-summary";
import { everySecond, type Printer } from "../report/progress";
import type { CommitSink } from "./commit-sink";
import { expectedDeliveries } from "./expected-deliveries";
import { MeterGroup, type NamedPid } from "./meters";
import type { ScenarioParams } from "./params";
import type { SystemKind, SystemResult } from "./result";
import { runSteadyPhase, runStormPhase, type PhaseContext } from "./phases";

export interface SystemSetup {
  kind: SystemKind;
  /** The realtime node(s), or the bare server. */
  servers: NamedPid[];
  /** Measured but not the server under test (Redis). */
  support: NamedPid[];
  heapUsed?: () => Promise<number | null>;
  /** Called once every console is connected, before driving (e.g. renice database backends). */
  beforeDriving?: () => Promise<void>;
  specs: ConsoleSpec[];
  writer: ChangeWriter;
  sink: CommitSink;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Full, compacting GC in the servers (see gc-on-signal.mjs), then until their RSS stops moving:
 * V8 hands the evacuated pages back over a second or more, and RSS read before that varies by
 * several KB per console between runs of the same code.
 */
async function collectGarbage(servers: readonly NamedPid[]): Promise<void> {
  for (const s of servers) {
    try {
      process.kill(s.pid, "SIGUSR2");
    } catch {
      // already gone: its memory reads as 0
    }
  }
  const total = () => servers.reduce((n, s) => n + rssOf(s.pid), 0);
  const recent: number[] = [];
  const deadline = nowMs() + 10_000;
  await sleep(500);
  while (nowMs() < deadline) {
    recent.push(total());
    // Settled: the last second's readings within 1 MB of each other.
    if (recent.length >= 5 && Math.max(...recent.slice(-5)) - Math.min(...recent.slice(-5)) < 1024 * 1024) return;
    await sleep(250);
  }
}

function sumFinals(finals: FinalReport[]) {
  const total = {
    received: 0,
    lost: 0,
    duplicates: 0,
    outOfOrder: 0,
    unauthorized: 0,
    offTopic: 0,
    resyncs: 0,
    untimed: 0,
    replayedEvents: 0,
    openWindowMs: 0
  };
  const connectLatency = new Histogram();
  const connectErrorReasons: Record<string, number> = {};
  for (const f of finals) {
    for (const [reason, n] of Object.entries(f.connectErrorReasons)) connectErrorReasons[reason] = (connectErrorReasons[reason] ?? 0) + n;
    for (const key of ["received", "lost", "duplicates", "outOfOrder", "unauthorized", "offTopic", "resyncs", "untimed", "replayedEvents"] as const)
      total[key] += f[key];
    total.openWindowMs = Math.max(total.openWindowMs, f.openWindowMs);
    connectLatency.merge(f.connectLatency);
  }
  const eventBytes = Math.max(0, ...finals.map((f) => f.eventBytes));
  const pages = mergePageTotals(finals.map((f) => f.pages));
  return { ...total, connectLatency, connectErrorReasons, eventBytes, pages: Object.keys(pages).length > 0 ? pages : null };
}

/** One system (ours or the baseline) through one scenario: connect, settle, drive, drain, verify. */
export async function runSystem(params: ScenarioParams, setup: SystemSetup, logDir: string, print: Printer): Promise<SystemResult> {
  const label = `[${params.id} ${setup.kind}${setup.kind === "ours" && params.mix === "pages" && !params.topics ? " without topics" : ""}]`;
  const warnings: string[] = [];
  const servers = new MeterGroup(setup.servers);
  await collectGarbage(setup.servers);
  servers.tick();
  const idleRss = servers.rss();
  const snapshotPid = params.heapSnapshot && setup.servers.length === 1 ? setup.servers[0]?.pid : undefined;
  const idleSnapshot = snapshotPid ? await takeHeapSnapshot(snapshotPid) : null;
  const idleHeap = (await setup.heapUsed?.()) ?? null;

  const pool = await ConsolePool.start(params.workers, logDir);
  const loadGen = new MeterGroup([
    ...pool.meters().map((m, i) => ({ name: `consoles-${i}`, pid: m.pid })),
    { name: "controller (writer+relay)", pid: process.pid }
  ]);
  const support = new MeterGroup(setup.support);
  setup.sink.pool = pool;
  try {
    print(
      `${label} opening ${fmtNum(params.consoles)} consoles over ${params.workers} worker processes (${params.connectConcurrency} handshakes in flight each)`
    );
    const stopOpenProgress = everySecond(() => {
      servers.tick();
      const p = pool.progress();
      print(
        `${label} connecting: ${fmtNum(p.synced)}/${fmtNum(params.consoles)} synced, ${p.connectErrors} connect errors | server cpu ${fmtNum(servers.lastCpu())}% rss ${fmtBytes(servers.rss())}`
      );
    });
    servers.start();
    const openedAt = nowMs();
    const connectWindowStart = monotonicUs();
    try {
      await pool.open(setup.specs, params.connectConcurrency);
    } catch (error) {
      warnings.push(`not every console connected: ${(error as Error).message}`);
    } finally {
      stopOpenProgress();
    }
    const openMs = nowMs() - openedAt;
    const connectWindow: [number, number] = [connectWindowStart, monotonicUs()];
    servers.tick();
    const connectCpuSeconds = servers.cpuSeconds();
    const connectWrites = servers.writes();
    await sleep(2000);
    await collectGarbage(setup.servers);
    servers.tick();
    const loadedRss = servers.rss();
    let heapDiff: SystemResult["memory"]["heapDiff"] = null;
    if (snapshotPid && idleSnapshot) {
      print(`${label} heap snapshot of the loaded server...`);
      const loadedSnapshot = await takeHeapSnapshot(snapshotPid);
      if (loadedSnapshot) heapDiff = diffPerConsole(censusOf(idleSnapshot), censusOf(loadedSnapshot), Math.max(1, pool.progress().synced));
      removeSnapshot(idleSnapshot);
      removeSnapshot(loadedSnapshot);
    }
    const loadedHeap = (await setup.heapUsed?.()) ?? null;
    const opened = pool.progress();
    print(
      `${label} ${fmtNum(opened.synced)} consoles synced in ${fmtMs(openMs)}; server rss ${fmtBytes(idleRss)} → ${fmtBytes(loadedRss)} (${fmtBytes((loadedRss - idleRss) / Math.max(1, opened.synced))}/console)`
    );

    await setup.beforeDriving?.();
    const ctx: PhaseContext = { params, setup, pool, servers, loadGen, support, print, label };
    const phase = params.storm ? await runStormPhase(ctx) : await runSteadyPhase(ctx);
    if (phase.drive.failed > 0) warnings.push(`${phase.drive.failed} changes failed, first: ${phase.drive.firstError}`);
    if (phase.drive.late > 0) warnings.push(`${phase.drive.late} changes started > 100 ms late: the writer could not keep the rate`);
    if (phase.machine.loadAverage[0] > 4)
      warnings.push(`machine busy with other work: load average ${phase.machine.loadAverage.join(" → ")} on ${os.cpus().length} cores`);

    const heads = await setup.writer.heads();
    const drained = await pool.waitCaughtUp(heads, 60_000);
    if (!drained.caughtUp) warnings.push(`${drained.behind} consoles had not caught up 60 s after the last change`);
    const finals = sumFinals(await pool.finish(heads));
    const expected = expectedDeliveries(setup.specs, setup.sink.measuredFamilies);
    if (pool.errors.length) warnings.push(...pool.errors.slice(0, 5));
    const synced = opened.synced;
    const latency = summarizeMs(pool.latency);
    print(
      `${label} done: p50 ${fmtMs(latency.p50)} p99 ${fmtMs(latency.p99)} max ${fmtMs(latency.max)} | lost ${finals.lost} dup ${finals.duplicates} ooo ${finals.outOfOrder} unauthorized ${finals.unauthorized} off-topic ${finals.offTopic} resyncs ${finals.resyncs}`
    );
    return {
      system: setup.kind,
      consoles: params.consoles,
      connect: {
        synced,
        errors: opened.connectErrors,
        errorReasons: finals.connectErrorReasons,
        durationMs: Math.round(finals.openWindowMs || openMs),
        perSecond: Math.round(synced / ((finals.openWindowMs || openMs) / 1000)),
        latency: summarizeMs(finals.connectLatency)
      },
      memory: {
        idleRssBytes: idleRss,
        loadedRssBytes: loadedRss,
        perConsoleBytes: Math.round((loadedRss - idleRss) / Math.max(1, synced)),
        heapPerConsoleBytes: idleHeap !== null && loadedHeap !== null ? Math.round((loadedHeap - idleHeap) / Math.max(1, synced)) : null,
        heapDiff
      },
      changes: {
        committed: phase.measuredCommits,
        perSecond: Math.round((phase.measuredCommits / phase.measuredS) * 10) / 10,
        failed: phase.drive.failed,
        late: phase.drive.late,
        firstError: phase.drive.firstError
      },
      deliveries: {
        measured: pool.deliveries,
        perSecond: Math.round(pool.deliveries / phase.measuredS),
        total: finals.received,
        eventBytes: finals.eventBytes,
        expected: {
          perSecond: Math.round(expected.withTopics / phase.measuredS),
          withoutTopicsPerSecond: Math.round(expected.withoutTopics / phase.measuredS)
        }
      },
      latency,
      relayLatency: setup.kind === "ours" ? summarizeMs(setup.sink.toLog) : null,
      relayStages: setup.kind === "ours" ? { toAppend: summarizeMs(setup.sink.toAppend), appendDuration: summarizeMs(setup.sink.appendDuration) } : null,
      correctness: {
        lost: finals.lost,
        duplicates: finals.duplicates,
        outOfOrder: finals.outOfOrder,
        unauthorized: finals.unauthorized,
        offTopic: finals.offTopic,
        resyncs: finals.resyncs,
        untimed: finals.untimed,
        caughtUp: drained.caughtUp
      },
      pages: finals.pages,
      efficiency: {
        serverCpuMsPerConnect: round2((connectCpuSeconds * 1000) / Math.max(1, synced)),
        serverWritesPerConnect: round2(connectWrites / Math.max(1, synced)),
        serverCpuUsPerDelivery: round2((phase.cpuSeconds.servers * 1e6) / Math.max(1, pool.deliveries)),
        writerCpuMsPerChange: round2((phase.cpuSeconds.writer * 1000) / Math.max(1, phase.measuredCommits)),
        consoleCpuUsPerDelivery: round2((phase.cpuSeconds.consoles * 1e6) / Math.max(1, pool.deliveries))
      },
      servers: servers.usage(),
      loadGenerator: [...loadGen.usage(), ...support.usage()],
      storm: phase.storm ? { ...phase.storm, replayedEvents: finals.replayedEvents } : null,
      measuredSeconds: Math.round(phase.measuredS * 10) / 10,
      machine: phase.machine,
      windows: { connect: connectWindow, measure: phase.window },
      warnings
    };
  } finally {
    setup.sink.pool = null;
    await pool.close();
  }
}
