import { randomBytes } from "node:crypto";
import path from "node:path";
import type { SecretBox } from "@switchboard/auth";
import type { Database } from "@switchboard/db";
import { createRelay, RedisEventLog } from "@switchboard/events";
import { startPrivateRedis } from "@switchboard/events/testing";
import { pino } from "pino";
import { benchLogLevel } from "../env";
import { OursWriter } from "../drive/writers";
import { createBatchedRelay } from "../experiments/batched-relay";
import type { Printer } from "../report/progress";
import { CommitSink } from "../scenarios/commit-sink";
import type { ScenarioParams } from "../scenarios/params";
import type { SystemResult } from "../scenarios/result";
import { runSystem } from "../scenarios/run-system";
import { oursConsoleSpecs } from "./console-specs";
import { startRealtimeNode, type RealtimeNode } from "./realtime-node";
import { TimedLog } from "./timed-log";
import { keepDatabaseBackendsReniced } from "./priority";
import { redisProcessId } from "./redis-pid";
import type { SeededOrg } from "./seed";

export interface OursRunInput {
  params: ScenarioParams;
  database: Database;
  databaseUrl: string;
  databaseName: string;
  box: SecretBox;
  orgs: SeededOrg[];
  logDir: string;
  print: Printer;
}

/**
 * The real pipeline: a private redis-server, realtime node(s) as deployed (their own processes,
 * their own safety-net relays), and in this process what the web app runs: the hooked data layer
 * writing changes and the relay kicked by each commit.
 */
export async function runOurs(input: OursRunInput): Promise<{ result: SystemResult; profileDir: string | null }> {
  const { params, database, orgs, logDir, print } = input;
  const redis = await startPrivateRedis();
  const keyPrefix = "bench";
  const authSecret = randomBytes(32).toString("base64url");
  const profileDir = params.cpuProf ? path.join(logDir, "profiles") : null;
  const nodes: RealtimeNode[] = [];
  const logger = pino({ level: benchLogLevel() });
  const log = new RedisEventLog({ url: redis.url, keyPrefix, logger });
  const sink = new CommitSink();
  let relay: { stop(): Promise<void> } | undefined;
  let reniced: { stop(): void } | undefined;
  try {
    print(`[${params.id} ours] starting redis ${redis.url} and ${params.nodes} realtime node(s)`);
    nodes.push(
      ...(await Promise.all(
        Array.from({ length: params.nodes }, (_, index) =>
          startRealtimeNode({
            index,
            databaseUrl: input.databaseUrl,
            redisUrl: redis.url,
            keyPrefix,
            authSecret,
            logDir,
            cpuProfDir: profileDir ?? undefined,
            nodeFlags: params.nodeFlags,
            nodeRelay: params.nodeRelay
          })
        )
      ))
    );
    await log.start();
    // Watching the global stream here splits the latency: commit → Redis is the relay's share.
    log.subscribe((event) => sink.appended(event.orgId, event.seq));
    // The writer listens for commits before the relay does, so its timestamp comes first.
    const writer = new OursWriter(database, input.box, orgs, params.writer, params.mix, sink.emit);
    const relayLog = new TimedLog(log, sink.appendCalled);
    if (params.relay !== "none") {
      const writerRelay =
        params.relay === "batched" ? createBatchedRelay({ database, log: relayLog, logger }) : createRelay({ database, log: relayLog, logger });
      writerRelay.start();
      relay = writerRelay;
    }
    const specs = await oursConsoleSpecs(
      orgs,
      nodes.map((n) => n.url),
      authSecret,
      { pages: params.mix === "pages", topics: params.topics }
    );
    const redisPid = await redisProcessId(redis.port);
    const result = await runSystem(
      params,
      {
        kind: "ours",
        servers: nodes.map((n) => ({ name: `realtime-${n.index}`, pid: n.child.pid })),
        support: redisPid ? [{ name: "redis-server", pid: redisPid }] : [],
        heapUsed: async () => {
          const heaps = await Promise.all(nodes.map((n) => n.heapUsedBytes()));
          return heaps.some((h) => h === null) ? null : heaps.reduce((a: number, b) => a + (b ?? 0), 0);
        },
        specs,
        writer,
        sink,
        beforeDriving: async () => {
          const renicing = keepDatabaseBackendsReniced(database, input.databaseName, params.nice);
          reniced = renicing;
          const n = await renicing.first;
          if (n > 0) print(`[${params.id} ours] ${n} PostgreSQL backends reniced to ${params.nice} (and those opened later)`);
        }
      },
      logDir,
      print
    );
    return { result, profileDir };
  } finally {
    reniced?.stop();
    await relay?.stop();
    await log.close();
    // SIGTERM: a graceful exit, which is also when --cpu-prof writes its profile.
    await Promise.all(nodes.map((n) => n.stop()));
    await redis.stop();
  }
}
