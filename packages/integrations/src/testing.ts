import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import type { SecretBox } from "@switchboard/auth";
import type { Database } from "@switchboard/db";
import { EgressGuard } from "@switchboard/egress";
import { startJobQueue } from "./queue/job-queue";
import { DEFAULT_INTEGRATION_SETTINGS, type IntegrationSettings } from "./settings";
import type { IntegrationDeps } from "./webhooks/deps";
import { startJobWorker, type JobWorker } from "./worker/start-job-worker";

export interface IntegrationHarness {
  deps: IntegrationDeps;
  /** Null when started with `worker: false` (the test then runs jobs itself). */
  worker: JobWorker | null;
  stop(): Promise<void>;
}

/** Fast settings for tests: retries within seconds, a short give-up period. */
export function testSettings(overrides: { giveUpAfterMs?: number; heartbeatSeconds?: number } = {}): IntegrationSettings {
  return {
    ...DEFAULT_INTEGRATION_SETTINGS,
    webhook: { ...DEFAULT_INTEGRATION_SETTINGS.webhook, timeoutMs: 3000, giveUpAfterMs: overrides.giveUpAfterMs ?? 60_000 },
    queue: { webhookRetry: { delaySeconds: 1, maxDelaySeconds: 2 }, heartbeatSeconds: overrides.heartbeatSeconds ?? 10 }
  };
}

/**
 * The job queue and a worker on a test database, reaching loopback receivers (private addresses
 * allowed, as on-premises). Stop it before dropping the database.
 */
export async function startIntegrationHarness(
  database: Database,
  box: SecretBox,
  options: { settings?: IntegrationSettings; egress?: EgressGuard; worker?: boolean } = {}
): Promise<IntegrationHarness> {
  const logger = pino({ level: "warn" });
  const settings = options.settings ?? testSettings();
  const queue = await startJobQueue({ database, logger, settings: settings.queue, supervise: true, superviseIntervalSeconds: 1 });
  const deps: IntegrationDeps = {
    db: database.client,
    box,
    queue,
    egress: options.egress ?? new EgressGuard({ allowPrivate: true, ownServices: [] }),
    settings
  };
  const worker = options.worker === false ? null : await startJobWorker({ deps, database, logger, dispatchPollMs: 200 });
  return { deps, worker, stop: async () => (worker ? worker.stop(5000) : queue.stop({ graceful: true, timeoutMs: 5000 })) };
}

export interface Receiver {
  url: string;
  port: number;
  requests: { headers: IncomingMessage["headers"]; body: string }[];
  /** Replaces how it answers (default: 200 "ok"). */
  answer(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): void;
  /** Stops listening (the port is kept for restart). */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP receiver on a random loopback port that records every request. */
export async function startReceiver(): Promise<Receiver> {
  let handler: (req: IncomingMessage, body: string, res: ServerResponse) => void = (_req, _body, res) => res.end("ok");
  const requests: Receiver["requests"] = [];
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        requests.push({ headers: req.headers, body });
        handler(req, body, res);
      });
    });
    await new Promise<void>((resolve) => server?.listen(port, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  };
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/hook`;
    },
    get port() {
      return port;
    },
    requests,
    answer(next) {
      handler = next;
    },
    down: stop,
    up: listen,
    close: stop
  };
}
