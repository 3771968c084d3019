import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { inheritedEnv, raisableFdLimit } from "../env";
import { onInterrupt } from "../interrupt";

export interface NodeChildSpec {
  name: string;
  /** TypeScript entry, run with tsx loaded in-process (one pid: CPU and RSS are the server's own). */
  entry: string;
  args?: string[];
  nodeArgs?: string[];
  cwd: string;
  env?: Record<string, string>;
  logFile: string;
  ipc?: boolean;
}

export interface NodeChild {
  name: string;
  pid: number;
  process: ChildProcess;
  exited: Promise<void>;
  alive(): boolean;
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
}
process.once("exit", killAll);
onInterrupt(killAll);

/**
 * Starts `node --import tsx <entry>`, with the soft open-file limit raised to the hard one when it
 * is lower (thousands of sockets per process). prlimit execs the command, so the pid we hold is
 * the node process itself.
 */
export function startNodeChild(spec: NodeChildSpec): NodeChild {
  const nodeArgs = ["--import", "tsx", ...(spec.nodeArgs ?? []), spec.entry, ...(spec.args ?? [])];
  const fdLimit = raisableFdLimit();
  const command = fdLimit ? "prlimit" : process.execPath;
  const args = fdLimit ? [`--nofile=${fdLimit}:${fdLimit}`, process.execPath, ...nodeArgs] : nodeArgs;
  const log = createWriteStream(spec.logFile, { flags: "a" });
  const stdio: Array<"ignore" | "pipe" | "ipc"> = ["ignore", "pipe", "pipe"];
  if (spec.ipc) stdio.push("ipc");
  const child: ChildProcess = spawn(command, args, { cwd: spec.cwd, env: inheritedEnv(spec.env) as NodeJS.ProcessEnv, stdio });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  live.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
    child.once("error", () => {
      live.delete(child);
      resolve();
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name: spec.name,
    pid: child.pid ?? -1,
    process: child,
    exited,
    alive,
    async stop(signal = "SIGTERM", timeoutMs = 15_000) {
      if (!alive()) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(timer);
    }
  };
}
