import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "@switchboard/events/testing";
import { nodeWithTsx } from "./child-process";
import { createE2eDatabase, dropE2eDatabase, migrateAndSeed } from "./database";
import { childEnv, e2eEnv } from "./env";
import { realtimeDir, webDir, workerDir } from "./paths";
import { Service, type ServiceName } from "./service";
import type { StackState } from "./stack-state";
import { waitForHttpOk, waitForRedis } from "./wait-until-ready";

export interface Stack {
  state: Omit<StackState, "controlUrl">;
  services: Record<ServiceName, Service>;
  stop(): Promise<void>;
}

const secret = () => randomBytes(32).toString("base64url");

/**
 * The cluster topology on one machine: a private redis-server (so Socket.IO adapter channels and
 * event streams of concurrent runs never mix, and tests may take Redis down), a throwaway
 * PostgreSQL database with migrations and the demo organization, the built web app, one
 * realtime node and one job worker (`npm run worker`).
 */
export async function startStack(logDir: string): Promise<Stack> {
  if (!existsSync(path.join(webDir, ".next", "BUILD_ID"))) {
    throw new Error("apps/web has no production build: run `npm run build -w @switchboard/web` (turbo's test:e2e does it first)");
  }
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });

  const [webPort, realtimePort, redisPort, workerPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  const webUrl = `http://127.0.0.1:${webPort}`;
  const realtimeUrl = `http://127.0.0.1:${realtimePort}`;
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const authSecret = secret();
  const secretsKey = secret();
  const opsToken = secret();
  const database = await createE2eDatabase();
  const log = (name: string) => path.join(logDir, `${name}.log`);
  const timeoutMs = e2eEnv.ci ? 120_000 : 60_000;

  const services: Record<ServiceName, Service> = {
    redis: new Service("redis", {
      spec: {
        name: "redis",
        command: e2eEnv.redisServerBin,
        args: ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd: logDir,
        env: childEnv({}),
        logFile: log("redis")
      },
      waitReady: (child) => waitForRedis(redisPort, { child, timeoutMs })
    }),
    realtime: new Service("realtime", {
      spec: {
        name: "realtime",
        ...nodeWithTsx("src/main.ts"),
        cwd: realtimeDir,
        env: childEnv({
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(realtimePort),
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl,
          AUTH_SECRET: authSecret,
          CORS_ORIGINS: webUrl,
          NODE_ID: "e2e-realtime-1",
          OPS_TOKEN: opsToken
        }),
        logFile: log("realtime")
      },
      waitReady: (child) => waitForHttpOk(`${realtimeUrl}/readyz`, { child, timeoutMs })
    }),
    web: new Service("web", {
      spec: {
        name: "web",
        ...nodeWithTsx("server.ts"),
        cwd: webDir,
        env: childEnv({
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(webPort),
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl,
          AUTH_SECRET: authSecret,
          SECRETS_KEY: secretsKey,
          REALTIME_PUBLIC_URL: realtimeUrl,
          SEED_DEMO: "false",
          // The web process runs the AMI connections itself (no separate `npm run connect` here), so
          // PBX settings show live connection status and call control reaches a connector.
          PBX_CONNECTOR: "embedded",
          // Specs run their fake PBXs on loopback, as an on-premises install whose PBX is on the LAN.
          OUTBOUND_ALLOW_PRIVATE: "true",
          // next-auth v4 builds its callback URLs from this; without it, it guesses from headers.
          NEXTAUTH_URL: webUrl,
          OPS_TOKEN: opsToken
        }),
        logFile: log("web")
      },
      waitReady: (child) => waitForHttpOk(`${webUrl}/api/v1/health`, { child, timeoutMs })
    }),
    worker: new Service("worker", {
      spec: {
        name: "worker",
        ...nodeWithTsx("src/main.ts"),
        cwd: workerDir,
        env: childEnv({
          NODE_ENV: "production",
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl,
          AUTH_SECRET: authSecret,
          SECRETS_KEY: secretsKey,
          WORKER_OPS_HOST: "127.0.0.1",
          // Specs' webhook receivers listen on loopback (as the web app, this allows private addresses).
          OUTBOUND_ALLOW_PRIVATE: "true",
          WORKER_OPS_PORT: String(workerPort),
          OPS_TOKEN: opsToken
        }),
        logFile: log("worker")
      },
      waitReady: (child) => waitForHttpOk(`http://127.0.0.1:${workerPort}/readyz`, { child, timeoutMs })
    })
  };

  const stop = async () => {
    await Promise.all(Object.values(services).map((s) => s.stop("SIGTERM")));
    if (!e2eEnv.keepDatabase) await dropE2eDatabase(database.name);
  };

  try {
    await services.redis.start();
    await migrateAndSeed({ DATABASE_URL: database.url, AUTH_SECRET: authSecret, SECRETS_KEY: secretsKey });
    await Promise.all([services.realtime.start(), services.web.start(), services.worker.start()]);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  return {
    state: {
      webUrl,
      realtimeUrl,
      redisUrl,
      databaseName: database.name,
      databaseUrl: database.url,
      authSecret,
      secretsKey,
      opsToken,
      logDir,
      pids: pidsOf(services)
    },
    services,
    stop
  };
}

export function pidsOf(services: Record<ServiceName, Service>): StackState["pids"] {
  return Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.pid]));
}
