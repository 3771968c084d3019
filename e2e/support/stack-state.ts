import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ServiceName } from "./service";

/** What global setup tells workers and teardown about the running stack (JSON on disk). */
export interface StackState {
  webUrl: string;
  realtimeUrl: string;
  /** The runner's control endpoint: POST /services/<name>/stop|start. */
  controlUrl: string;
  redisUrl: string;
  databaseName: string;
  databaseUrl: string;
  authSecret: string;
  secretsKey: string;
  /** Bearer token of every process's /stats and /metrics. */
  opsToken: string;
  logDir: string;
  pids: Partial<Record<ServiceName, number>>;
}

export function writeStackState(file: string, state: StackState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function readStackState(file: string): StackState {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as StackState;
  } catch (error) {
    throw new Error(`no e2e stack description at ${file} (did global setup run?)`, { cause: error });
  }
}
