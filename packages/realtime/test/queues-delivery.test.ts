import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueue, currentSeq, withActor } from "@switchboard/db";
import { createExtensionRow } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let node: TestNode;
let writer: Writer;
const prefix = uniquePrefix();
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
const clients: TestClient[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 6 });
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await node?.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

async function connect(user: typeof org.admin): Promise<TestClient> {
  const client = await openClient(node.url, { token: await realtimeToken(user) });
  clients.push(client);
  return client;
}

describe("queue events (G4)", () => {
  it("reach every staff console of the organization and no customer's", async () => {
    const sockets = { admin: await connect(org.admin), agent: await connect(org.agent), customer: await connect(org.customer) };
    const db = tdb.database.client;
    const ext = await createExtensionRow(db, tdb.box, org.orgId, "102", { userId: org.agent.id });
    const queue = await createQueue({ db }, org.admin, {
      name: "support",
      strategy: "ringall",
      serviceLevelSeconds: 20,
      serviceLevelTarget: 80,
      wrapUpSeconds: 0,
      members: [{ extensionId: ext.id, penalty: 0 }]
    });
    const member = await db.queueMember.findFirstOrThrow({ where: { queueId: queue.id } });
    await withActor({ id: org.agent.id, name: org.agent.name }, () =>
      db.queueMember.update({ where: { id: member.id }, data: { loggedIn: true, paused: true, pauseReason: "Lunch", state: "paused" } })
    );
    const caller = await db.queueCaller.create({
      data: { organizationId: org.orgId, queueId: queue.id, channelId: "c-1", callerNumber: "+15550001", position: 1, joinedAt: new Date() }
    });
    await db.queueCaller.update({ where: { id: caller.id }, data: { leftAt: new Date(), outcome: "abandoned", waitSeconds: 30, withinServiceLevel: false } });
    const head = await currentSeq(db, org.orgId);

    const types = ["queue.changed", "agent.state_changed", "queue.caller_joined", "queue.caller_abandoned"];
    for (const staff of [sockets.admin, sockets.agent]) {
      await waitFor(() => staff.events.at(-1)?.seq === head, { what: "the queue events" });
      expect(staff.events.filter((e) => e.seq > head - 4).map((e) => e.type)).toEqual(types);
    }
    const paused = sockets.admin.events.find((e) => e.type === "agent.state_changed");
    expect(paused).toMatchObject({
      actor: { id: org.agent.id },
      subject: { kind: "queue_member", id: member.id },
      data: { state: "paused", pauseReason: "Lunch" }
    });
    // Anything sent to the customer before the ack arrives before it.
    await sockets.customer.socket.timeout(5_000).emitWithAck("topics:subscribe", { topics: ["notifications"], since: Number.MAX_SAFE_INTEGER });
    expect(sockets.customer.events).toEqual([]);
  });
});
