import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "@switchboard/events/testing";
import { ManagedChild, nodeWithTsx } from "./child-process";
import { e2eEnv, embeddedChildEnv } from "./env";
import { logDir, webDir } from "./paths";
import { waitForHttpOk } from "./wait-until-ready";

export interface EmbeddedWeb {
  url: string;
  /** When it answered its health check: the moment a newcomer's browser could first load it. */
  readyAt: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built web app started as `npm start` starts it on a fresh machine: no DATABASE_URL, no
 * REDIS_URL, an empty DATA_DIR (embedded PGlite, migrations and demo seed on first run), nothing
 * else set. Beside the shared cluster stack, on ports of its own.
 */
export async function startEmbeddedWeb(): Promise<EmbeddedWeb> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-e2e-embedded-"));
  mkdirSync(logDir, { recursive: true });
  const child = ManagedChild.start({
    name: "web-embedded",
    ...nodeWithTsx("server.ts"),
    cwd: webDir,
    env: embeddedChildEnv({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, NEXTAUTH_URL: url }),
    logFile: path.join(logDir, "web-embedded.log")
  });
  const stop = async () => {
    await child.stop("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttpOk(`${url}/api/v1/health`, { child, timeoutMs: e2eEnv.ci ? 180_000 : 120_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, readyAt: Date.now(), output: () => child.logTail(400), stop };
}
