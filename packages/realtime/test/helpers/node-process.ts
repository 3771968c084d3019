import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { AUTH_SECRET } from "./identity";
import type { RealtimeOptionsInput } from "../../src/options";

/**
 * A realtime cluster node in a child process, so a test can freeze it (SIGSTOP): its sockets stay
 * open, nothing answers, as with a hung process or a stopped VM. The child runs
 * node-process-main.ts, which prints `{ port, nodeId }` once it listens.
 */
export interface NodeProcess {
  url: string;
  port: number;
  nodeId: string;
  freeze(): void;
  kill(): Promise<void>;
}

export interface NodeProcessConfig {
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  options?: RealtimeOptionsInput;
}

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export async function startNodeProcess(config: NodeProcessConfig): Promise<NodeProcess> {
  const main = fileURLToPath(new URL("./node-process-main.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: { ...process.env, SB_TEST_AUTH_SECRET: AUTH_SECRET, SB_TEST_NODE: JSON.stringify(config) },
    stdio: ["pipe", "pipe", "pipe"]
  });
  live.add(child);
  let output = "";
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => live.delete(child));
  const started = await new Promise<{ port: number; nodeId: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on("line", (line) => {
      try {
        resolve(JSON.parse(line) as { port: number; nodeId: string });
      } catch {
        output += `${line}\n`;
      }
    });
    void exited.then(() => reject(new Error(`node process exited before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${started.port}`,
    port: started.port,
    nodeId: started.nodeId,
    freeze: () => child.kill("SIGSTOP"),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    }
  };
}
