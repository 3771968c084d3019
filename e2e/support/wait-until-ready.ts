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
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000}s. ${child.spec.name} output:\n${child.logTail()}`);
}

/** Polls an HTTP endpoint until it answers 2xx. */
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

/** Sends PING on a raw connection until Redis answers PONG. */
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
