import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { findFreePort } from "./free-port";

export interface PrivateRedis {
  url: string;
  port: number;
  /** The current server process (changes on restart). */
  readonly pid: number | undefined;
  /** Graceful shutdown (SIGTERM); resolves when the process has exited. */
  stop(): Promise<void>;
  /** Crash (SIGKILL): the data is gone, as after a power cut with persistence off. */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port. */
  restart(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.on("error", () => finish(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => finish(data.toString().startsWith("+PONG")));
  });
}

/** The test set-up (`npm test`) names the redis-server it found; on the PATH otherwise. */
const defaultBin = () => process.env.REDIS_SERVER_BIN || "redis-server";

function spawnServer(port: number, bin: string): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"], {
    stdio: ["ignore", "pipe", "pipe"]
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  live.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
    child.once("error", (error) => {
      output += String(error);
      live.delete(child);
      resolve();
    });
  });
  return { child, output: () => output, exited };
}

async function waitUntilServing(port: number, server: ReturnType<typeof spawnServer>, timeoutMs = 10_000): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`redis-server on port ${port} exited during startup:\n${server.output()}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  server.child.kill("SIGKILL");
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${server.output()}`);
}

/** A throwaway redis-server for fault tests: kill it without touching the machine's Redis. */
export async function startPrivateRedis(options: { bin?: string } = {}): Promise<PrivateRedis> {
  const bin = options.bin ?? defaultBin();
  const port = await findFreePort();
  let server = spawnServer(port, bin);
  await waitUntilServing(port, server);

  async function terminate(signal: NodeJS.Signals): Promise<void> {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    server.child.kill(signal);
    await server.exited;
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return server.child.pid;
    },
    stop: () => terminate("SIGTERM"),
    kill: () => terminate("SIGKILL"),
    async restart() {
      await terminate("SIGKILL");
      server = spawnServer(port, bin);
      await waitUntilServing(port, server);
    }
  };
}
