import { watch } from "node:fs";
import { createConnection } from "node:net";
import type { ManagedChild } from "./child-process";

interface WaitOptions {
  timeoutMs: number;
  /** Fail at once, with its output, if this process exits while we wait. */
  child: ManagedChild;
}

async function waitFor(what: string, probe: () => Promise<boolean>, { timeoutMs, child }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.alive) throw new Error(`${child.spec.name} exited before ${what} answered. Output:\n${child.logTail()}`);
    if (await probe()) return;
    await childMoved(child, Math.min(1_000, Math.max(0, deadline - Date.now())));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000}s. ${child.spec.name} output:\n${child.logTail()}`);
}

/**
 * Resolves when the child writes to its log (servers log as they come up: listening, connected)
 * or exits; `backstopMs` covers readiness that changes without a log line.
 */
function childMoved(child: ManagedChild, backstopMs: number): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(child.spec.logFile, () => done());
    const timer = setTimeout(done, backstopMs);
    void child.exited.then(done);
    function done() {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

/** Probes an HTTP endpoint until it answers 2xx. */
export function waitForHttpOk(url: string, options: WaitOptions): Promise<void> {
  return waitFor(
    url,
    async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
        await response.body?.cancel();
        return response.ok;
      } catch {
        return false;
      }
    },
    options
  );
}

/** Sends PING on a raw connection until Redis answers PONG, probing again whenever the server logs. */
export function waitForRedis(port: number, options: WaitOptions): Promise<void> {
  return waitFor(`redis on port ${port}`, () => pingRedis(port), options);
}

function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
