import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createConnection, createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { pino } from "pino";
import { vi } from "vitest";
import { mintRealtimeToken } from "@switchboard/auth";
import type { User } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startEventPipeline } from "@switchboard/realtime";

const AUTH_SECRET = `client-test-secret-${randomBytes(16).toString("hex")}`;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TestNode {
  http: Server;
  port: number;
  pipeline: Awaited<ReturnType<typeof startEventPipeline>>;
}

export interface RealtimeTestBed {
  tdb: TestDatabase;
  /** A realtime node as apps/realtime starts one: Redis log, relay, Socket.IO on its own HTTP server. */
  startNode(): Promise<TestNode>;
  /** What a load balancer with health checks does: each connection to the first node that accepts it. */
  startBalancer(ports: number[]): Promise<string>;
  /** The browser's globals the client touches; its token, for `user`, comes from the web app's endpoint. */
  actAsBrowserOf(user: User): void;
  close(): Promise<void>;
}

/** A database, and realtime nodes on it and Redis, for tests of the console's RealtimeClient against the real server. */
export async function createRealtimeTestBed(): Promise<RealtimeTestBed> {
  const tdb = await createTestDatabase({ poolSize: 8 });
  const keyPrefix = `sbtest-client-${randomBytes(4).toString("hex")}`;
  const nodes: TestNode[] = [];
  const cleanups: (() => void)[] = [];

  return {
    tdb,
    async startNode() {
      const http = createServer((_req, res) => res.writeHead(404).end());
      const pipeline = await startEventPipeline({
        database: tdb.database,
        logger: pino({ level: "silent" }),
        retention: { maxEvents: 10_000, maxAgeMs: 3_600_000 },
        redis: { url: REDIS_URL, keyPrefix },
        realtime: { httpServer: http, authSecret: AUTH_SECRET, options: { drainTimeoutMs: 10_000 } }
      });
      await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
      const node = { http, port: (http.address() as AddressInfo).port, pipeline };
      nodes.push(node);
      return node;
    },
    async startBalancer(ports) {
      const sockets = new Set<Socket>();
      const server = createTcpServer((client) => {
        sockets.add(client);
        client.pause();
        client.on("error", () => client.destroy());
        const attempt = (i: number) => {
          const port = ports[i];
          if (port === undefined) return client.destroy();
          const upstream = createConnection({ port, host: "127.0.0.1" });
          let connected = false;
          upstream.on("error", () => (connected ? client.destroy() : attempt(i + 1)));
          upstream.once("connect", () => {
            connected = true;
            sockets.add(upstream);
            upstream.on("close", () => client.destroy());
            client.on("close", () => upstream.destroy());
            client.pipe(upstream).pipe(client);
            client.resume();
          });
        };
        attempt(0);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      cleanups.push(() => {
        for (const socket of sockets) socket.destroy();
        server.close();
      });
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    actAsBrowserOf(user) {
      const viewer = { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      vi.stubGlobal("window", { addEventListener: () => undefined, removeEventListener: () => undefined });
      vi.stubGlobal("navigator", { onLine: true });
      vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ token: await mintRealtimeToken(viewer, AUTH_SECRET, 300) })));
    },
    async close() {
      for (const cleanup of cleanups.reverse()) cleanup();
      for (const node of nodes) {
        node.http.close();
        await node.pipeline.close();
        node.http.closeAllConnections();
      }
      await tdb.drop();
      vi.unstubAllGlobals();
    }
  };
}
