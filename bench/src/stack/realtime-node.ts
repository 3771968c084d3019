import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir, realtimeDir } from "../paths";
import { findFreePort } from "@switchboard/events/testing";
import { waitForHttpOk } from "./ports";
import { startNodeChild, type NodeChild } from "./spawn-child";

export const gcPreload = pathToFileURL(path.join(benchDir, "src/stack/gc-on-signal.mjs")).href;

export interface RealtimeNodeConfig {
  index: number;
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  authSecret: string;
  logDir: string;
  nodeFlags?: string[];
  /** "off": run the experimental entry without the node's safety-net relay. */
  nodeRelay?: "real" | "off";
  /** Directory for a V8 CPU profile (written when the node exits gracefully). */
  cpuProfDir?: string;
}

export interface RealtimeNode {
  index: number;
  url: string;
  port: number;
  child: NodeChild;
  stats(): Promise<{ connections: number; sockets: { live: number; syncing: number } }>;
  /** V8 heap in use, from the node's own /metrics. */
  heapUsedBytes(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The V8 flags a realtime node is deployed with (docker-compose.yml, apps/realtime's start script;
 * `realtime-node.test.ts` keeps the three equal). A young generation of up to 32 MB per semi-space:
 * with the default 16 MB, a node fanning out 19,000 deliveries/s scavenged every 170 ms and promoted
 * what was still in flight, so its old generation filled and was marked and compacted every ~10 s.
 */
export const DEPLOYED_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=32"];

/** One realtime node exactly as deployed: apps/realtime/src/main.ts configured by environment. */
export async function startRealtimeNode(config: RealtimeNodeConfig): Promise<RealtimeNode> {
  const port = await findFreePort();
  // The node's /stats and /metrics answer only its ops token.
  const opsToken = randomBytes(24).toString("hex");
  const opsAuth = { headers: { authorization: `Bearer ${opsToken}` } };
  const nodeArgs: string[] = [...DEPLOYED_NODE_FLAGS, "--expose-gc", "--import", gcPreload, ...(config.nodeFlags ?? [])];
  if (config.cpuProfDir) {
    // One folder per node: V8 writes a profile per thread (the main one, and tsx's loader thread).
    const dir = path.join(config.cpuProfDir, `realtime-${config.index}`);
    mkdirSync(dir, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${dir}`);
  }
  const child = startNodeChild({
    name: `realtime-${config.index}`,
    entry: "src/main.ts",
    nodeArgs,
    cwd: realtimeDir,
    logFile: path.join(config.logDir, `realtime-${config.index}.log`),
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      REDIS_KEY_PREFIX: config.keyPrefix,
      AUTH_SECRET: config.authSecret,
      NODE_ID: `bench-node-${config.index}`,
      OPS_TOKEN: opsToken,
      LOG_LEVEL: "warn",
      RELAY: config.nodeRelay === "off" ? "off" : "on"
    }
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttpOk(`${url}/readyz`, child.alive);
  } catch (error) {
    await child.stop("SIGKILL");
    throw new Error(`realtime node ${config.index} did not start (see ${config.logDir}/realtime-${config.index}.log): ${(error as Error).message}`, {
      cause: error
    });
  }
  return {
    index: config.index,
    url,
    port,
    child,
    async stats() {
      const response = await fetch(`${url}/stats`, opsAuth);
      return (await response.json()) as { connections: number; sockets: { live: number; syncing: number } };
    },
    async heapUsedBytes() {
      try {
        const text = await (await fetch(`${url}/metrics`, opsAuth)).text();
        const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})?\s+([0-9.e+]+)/m.exec(text);
        return match?.[1] ? Number(match[1]) : null;
      } catch {
        return null;
      }
    },
    stop: () => child.stop("SIGTERM")
  };
}
