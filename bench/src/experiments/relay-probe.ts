import { fork } from "node:child_process";
import { once } from "node:events";
import { createDatabase } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { createRelay, RedisEventLog } from "@switchboard/events";
import { startPrivateRedis } from "@switchboard/events/testing";
import { pino } from "pino";
import { Histogram, summarizeMs } from "../metrics/histogram";
import { seedOrgs } from "../stack/seed";
import { createBatchedRelay } from "./batched-relay";

/**
 * `npm run relay:probe -w @switchboard/bench -- <real|batched|apart> <changes/s> <competing relays> <orgs>`
 *
 * The write side alone (no realtime node, no consoles): hooked updates at a fixed rate spread
 * over the orgs, the relay publishing them to a private Redis, and commit → Redis latency as a
 * subscriber in a process of its own sees it (`commitToRedisMs`, as a realtime node would read
 * the log) and as one in the writer's process sees it (`inWriterMs`: that adds the writer's own
 * event-loop delay). Competing relays stand in for the realtime nodes' safety-net relays.
 * `apart` runs the relay in a process of its own, woken by NOTIFY (the cluster's layout: the
 * realtime nodes relay, the writer only writes); `real` and `batched` in the writer's process.
 */
const [mode = "real", rateArg = "50", competitorsArg = "0", orgsArg = "20"] = process.argv.slice(2);
const rate = Number(rateArg);
const orgCount = Number(orgsArg);
const logger = pino({ level: "warn" });
const test = await createTestDatabase({ poolSize: 20 });
const redis = await startPrivateRedis();
const orgs = await seedOrgs(
  test.database,
  test.box,
  { orgs: orgCount, consoles: orgCount, extensionsPerOrg: 10, payloadBytes: 0, mix: "extensions" },
  () => undefined
);
const log = new RedisEventLog({ url: redis.url, keyPrefix: "probe", logger });
await log.start();
/** When the writer saw each commit, on the monotonic clock every process shares (ns). */
const commits = new Map<string, bigint>();
const inWriter = new Histogram();
test.database.notifier.on("committed", (events) => {
  const now = process.hrtime.bigint();
  for (const e of events) commits.set(`${e.orgId}:${e.seq}`, now);
});
log.subscribe((e) => {
  const at = commits.get(`${e.orgId}:${e.seq}`);
  if (at !== undefined) inWriter.record(Number(process.hrtime.bigint() - at) / 1000);
});
const subscriber = await startChild<{ arrivals: [string, string][] }>("./subscriber-process.ts", [redis.url]);
const appendSizes: number[] = [];
const appendMs: number[] = [];
const innerAppend = log.append.bind(log);
log.append = async (events) => {
  const t = performance.now();
  await innerAppend(events);
  appendSizes.push(events.length);
  appendMs.push(performance.now() - t);
};
const apart = mode === "apart" ? await startRelayProcess(test.url, redis.url) : undefined;
const relay = apart
  ? undefined
  : mode === "batched"
    ? createBatchedRelay({ database: test.database, log, logger })
    : createRelay({ database: test.database, log, logger });
relay?.start();
const competitors: Array<() => Promise<void>> = [];
/** Rounds each competing relay has run, read at the start and the end of the measured window. */
const competitorRounds: Array<() => number> = [];
for (let k = 0; k < Number(competitorsArg); k++) {
  const database = createDatabase({ kind: "postgres", url: test.url, poolSize: 2 });
  const otherLog = new RedisEventLog({ url: redis.url, keyPrefix: "probe", logger });
  await otherLog.start();
  const other = createRelay({ database, log: otherLog, logger });
  other.start();
  competitorRounds.push(() => other.stats().rounds);
  competitors.push(async () => {
    await other.stop();
    await otherLog.close();
    await database.close();
  });
}
await new Promise((r) => setTimeout(r, 1000));
inWriter.reset();
commits.clear();

const started = performance.now();
const cpuBefore = process.cpuUsage();
const roundsBefore = competitorRounds.map((rounds) => rounds());
apart?.mark();
const running = new Set<Promise<unknown>>();
let issued = 0;
while (performance.now() - started < 10_000) {
  const due = ((performance.now() - started) / 1000) * rate;
  while (issued < due) {
    const org = orgs[issued % orgs.length];
    const extensionId = org?.extensionIds[issued % 10];
    issued += 1;
    if (!extensionId) continue;
    const p: Promise<unknown> = test.database.client.extension
      .update({ where: { id: extensionId }, data: { displayName: `probe ${issued}` } })
      .finally(() => running.delete(p));
    running.add(p);
  }
  await new Promise((r) => setTimeout(r, 2));
}
await Promise.all(running);
await new Promise((r) => setTimeout(r, 1500));
const cpu = process.cpuUsage(cpuBefore);
const roundsRun = competitorRounds.map((rounds, k) => rounds() - (roundsBefore[k] ?? 0));
const apartReport = await apart?.stop();
const relayCpuMs = apartReport?.cpuMs;
const latency = new Histogram();
for (const [key, atNs] of (await subscriber.stop()).arrivals) {
  const at = commits.get(key);
  if (at !== undefined) latency.record(Number(BigInt(atNs) - at) / 1000);
}
const perChange = (ms: number) => Math.round((ms / issued) * 100) / 100;
console.log(
  JSON.stringify({
    relay: mode,
    rate,
    orgs: orgCount,
    competitors: competitors.length,
    commits: issued,
    commitToRedisMs: summarizeMs(latency),
    inWriterMs: summarizeMs(inWriter),
    roundsPerRelay: { ...(apartReport ? { apart: apartReport.rounds } : {}), competitors: roundsRun },
    ...(relayCpuMs === undefined
      ? { writerAndRelayCpuMsPerChange: perChange((cpu.user + cpu.system) / 1000) }
      : { writerCpuMsPerChange: perChange((cpu.user + cpu.system) / 1000), relayProcessCpuMsPerChange: perChange(relayCpuMs) })
  })
);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
console.log(JSON.stringify({ appends: appendSizes.length, meanBatch: mean(appendSizes).toFixed(1), meanAppendMs: mean(appendMs).toFixed(2) }));
for (const stop of competitors) await stop();
await relay?.stop();
await log.close();
await redis.stop();
await test.drop();
process.exit(0);

/** The relay of `relay-process.ts` in a child process, once its relay has started. */
function startRelayProcess(databaseUrl: string, redisUrl: string) {
  return startChild<{ cpuMs: number; rounds: number }>("./relay-process.ts", [databaseUrl, redisUrl]);
}

/** A probe process forked with IPC: it says "ready" once started, takes "mark" and answers "stop" with its report. */
async function startChild<Report>(path: string, args: string[]) {
  const child = fork(new URL(path, import.meta.url), args, { execArgv: ["--import", "tsx"] });
  const [ready] = (await once(child, "message")) as [unknown];
  if (ready !== "ready") throw new Error(`${path} did not start`);
  return {
    mark: () => child.send("mark"),
    async stop(): Promise<Report> {
      child.send("stop");
      const [report] = (await once(child, "message")) as [Report];
      return report;
    }
  };
}
