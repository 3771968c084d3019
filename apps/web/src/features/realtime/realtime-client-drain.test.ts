import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createConnection, createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mintRealtimeToken } from "@switchboard/auth";
import type { DomainEvent } from "@switchboard/contracts";
import { currentSeq } from "@switchboard/db";
import { createExtensionRow, createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startEventPipeline } from "@switchboard/realtime";
import { RealtimeClient } from "./realtime-client";

const AUTH_SECRET = `drain-test-secret-${randomBytes(16).toString("hex")}`;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const POLL = { timeout: 20_000, interval: 50 };

interface Node {
  http: Server;
  port: number;
  pipeline: Awaited<ReturnType<typeof startEventPipeline>>;
}

let tdb: TestDatabase;
const keyPrefix = `sbtest-drain-${randomBytes(4).toString("hex")}`;
const nodes: Node[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

/** A realtime node as apps/realtime starts one: Redis log, relay, Socket.IO on its own HTTP server. */
async function startNode(): Promise<Node> {
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
}

/** What a load balancer with health checks does: each connection to the first node that accepts it. */
async function startBalancer(ports: number[]): Promise<string> {
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
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 8 });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  for (const node of nodes) {
    node.http.close();
    await node.pipeline.close();
    node.http.closeAllConnections();
  }
  await tdb?.drop();
  vi.unstubAllGlobals();
});

describe("the console's realtime client when its node shuts down", () => {
  it("leaves on server:draining, lands on the other node and applies every event once, in order", { timeout: 90_000 }, async () => {
    const org = await createOrganization(tdb.database.client);
    const user = await createUser(tdb.database.client, org.id, { role: "admin", passwordHash: "unused" });
    const viewer = { id: user.id, orgId: org.id, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
    // The browser's globals the client touches; its token comes from the web app's endpoint.
    vi.stubGlobal("window", { addEventListener: () => undefined, removeEventListener: () => undefined });
    vi.stubGlobal("navigator", { onLine: true });
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ token: await mintRealtimeToken(viewer, AUTH_SECRET, 300) })));

    const [one, two] = [await startNode(), await startNode()];
    const url = await startBalancer([one.port, two.port]);
    const applied: DomainEvent[] = [];
    const client = new RealtimeClient({
      url,
      initialSeq: await currentSeq(tdb.database.client, org.id),
      onAuthFailure: (why) => applied.push({ type: `auth failed: ${why}` } as unknown as DomainEvent),
      onAccessChanged: () => undefined,
      onResync: () => applied.push({ type: "resync" } as unknown as DomainEvent),
      onEvent: (event) => applied.push(event),
      onSynced: () => undefined
    });
    cleanups.push(() => client.stop());
    client.start();
    await expect.poll(() => client.getSnapshot().status, POLL).toBe("live");
    expect(one.pipeline.realtime?.stats().connections).toBe(1);
    const reasons: string[] = [];
    client.connection?.on("disconnect", (reason) => reasons.push(reason));

    const extension = await createExtensionRow(tdb.database.client, tdb.box, org.id, "4100");
    const touch = (n: number) => tdb.database.client.extension.update({ where: { id: extension.id }, data: { displayName: `Drain ${n}` } });
    await expect.poll(() => applied.length, POLL).toBe(1);
    const first = applied[0]?.seq ?? 0;
    const writes = (async () => {
      for (let n = 1; n <= 60; n++) await touch(n);
    })();
    await expect.poll(async () => (await currentSeq(tdb.database.client, org.id)) >= first + 10, POLL).toBe(true);
    // apps/realtime's SIGTERM: stop accepting, then close the pipeline (which drains the sockets).
    one.http.close();
    await one.pipeline.close();
    await writes;
    const head = await currentSeq(tdb.database.client, org.id);

    await expect.poll(() => applied.at(-1)?.seq, POLL).toBe(head);
    // The client left by itself when told; cut off by the node it would say "transport close".
    expect(reasons[0]).toBe("io client disconnect");
    expect(applied.map((e) => e.seq)).toEqual(Array.from({ length: head - first + 1 }, (_, i) => first + i));
    expect(two.pipeline.realtime?.stats().connections).toBe(1);
    expect(client.getSnapshot().status).toBe("live");
  });
});
