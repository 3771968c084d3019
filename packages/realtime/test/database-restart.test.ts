import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, currentSeq, type Database } from "@switchboard/db";
import { createTestDatabase, startDatabaseProxy, type DatabaseProxy, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { addExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let proxy: DatabaseProxy;
/** What the web process holds: its Prisma pool and relay reach PostgreSQL only through the proxy. */
let web: Database;
let writer: Writer;
let node: TestNode;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  proxy = await startDatabaseProxy(tdb.url);
  web = createDatabase({ kind: "postgres", url: proxy.url, poolSize: 4 });
  writer = await startWriter(web, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({ databaseUrl: proxy.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await proxy?.restore();
  await node?.stop();
  await writer?.stop();
  await web?.close();
  await proxy?.close();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

async function client(): Promise<TestClient> {
  const opened = await openClient(node.url, { token: await realtimeToken(org.admin) });
  clients.push(opened);
  return opened;
}

async function readyz(): Promise<boolean> {
  const res = await fetch(`${node.url}/readyz`);
  return ((await res.json()) as { ready: boolean }).ready;
}

describe("PostgreSQL restarted under load", () => {
  it("the realtime node and the web's pool and relay survive it and serve again by themselves, missing no event", async () => {
    const services = { db: web.client, box: tdb.box };
    const console1 = await client();
    const extension = await addExtension(services, org.admin);
    await console1.waitForEvents(1);

    // Writes keep coming while the connections are cut: those in flight fail, nothing crashes.
    const load = touchRepeatedly(web.client, extension.id, 5_000, "during-restart").catch((error: unknown) => error);
    await waitFor(async () => (await currentSeq(tdb.database.client, org.orgId)) >= 5, { what: "writes under way", timeoutMs: 15_000 });
    await proxy.cut();
    expect(await load).toBeInstanceOf(Error);
    await expect.poll(() => readyz(), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => writer.relay.stats().failures, { timeout: 15_000 }).toBeGreaterThan(0);
    // A console connecting now is refused (its session cannot be checked) rather than hanging the node.
    const early = new TestClient(node.url, { token: await realtimeToken(org.admin), reconnection: false });
    clients.push(early);
    await early.connectError(15_000);

    await proxy.restore();
    // The same pool writes again (no restart of the process), the relay publishes, the node serves.
    await expect
      .poll(
        () =>
          addExtension(services, org.admin).then(
            () => true,
            () => false
          ),
        { timeout: 15_000 }
      )
      .toBe(true);
    await expect.poll(() => readyz(), { timeout: 15_000 }).toBe(true);
    const head = await currentSeq(tdb.database.client, org.orgId);
    await waitFor(() => console1.events.at(-1)?.seq === head, { timeoutMs: 15_000, what: "every committed change" });
    const first = console1.events[0]?.seq ?? 0;
    expect(seqsOf(console1.events)).toEqual(Array.from({ length: head - first + 1 }, (_, i) => first + i));

    const console2 = await client();
    expect(console2.entries("sync:done").length + console2.entries("sync:resync").length).toBeGreaterThan(0);
  });
});
