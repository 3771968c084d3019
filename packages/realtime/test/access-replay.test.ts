import { replyCreateSchema } from "@switchboard/contracts";
import { createTicket, currentSeq, replyToTicket, updateUser, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, createTicketOrg, type TestDatabase, type TicketOrg } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatedLog } from "./helpers/gated-log";
import { realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { TestClient } from "./helpers/test-client";

/**
 * G7 meets G3: an access change committed after a socket's handshake read its user, but inside the
 * stretch its replay sends, applies where it sits in the stream. Live delivery is held back here,
 * so only the replay can carry the demotion; without applying it there, the note after it leaks.
 */
let tdb: TestDatabase;
let writer: Writer;
let node: TestNode;
let gated: GatedLog;
let deps: ServiceDeps;
let org: TicketOrg;
const prefix = uniquePrefix();
const clients: TestClient[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  deps = { db: tdb.database.client, box: tdb.box };
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix, wrapLog: (log) => (gated = new GatedLog(log)) });
  org = await createTicketOrg(tdb.database.client, "R");
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

async function published(): Promise<number> {
  const head = await currentSeq(tdb.database.client, org.orgId);
  await waitFor(async () => (await writer.log.readSince(org.orgId, head - 1)).headSeq === head, { what: `seq ${head} published` });
  return head;
}

describe("access changes inside a replay", () => {
  it("a demotion between the handshake and the replay read hides what follows it in the replay", async () => {
    const { ticket } = await createTicket(deps, org.supervisor, { subject: "Printer", body: "b", officeId: org.supportId, customerId: org.customer.id });
    await replyToTicket(deps, org.supervisor, ticket.id, replyCreateSchema.parse({ body: "NOTE-BEFORE", internal: true }));
    const lastSeq = await published();

    gated.holdLive();
    const gate = gated.holdNextRead("before");
    const ana = new TestClient(node.url, { token: await realtimeToken(org.ana), lastSeq: lastSeq - 2, reconnection: false });
    clients.push(ana);
    await gate.entered;
    // The handshake has read Ana as an agent of Support; now she is demoted, then a note is written.
    await updateUser(deps, org.admin, org.ana.id, { role: "customer" });
    await replyToTicket(deps, org.supervisor, ticket.id, replyCreateSchema.parse({ body: "NOTE-AFTER", internal: true }));
    const head = await published();
    gate.open();

    await ana.waitFor("access:changed");
    await waitFor(() => ana.entries("sync:done")[0], { what: "the replay to finish" });
    gated.releaseLive();
    const bodies = ana.events.map((e) => JSON.stringify(e.data));
    expect(bodies.some((b) => b.includes("NOTE-BEFORE"))).toBe(true);
    expect(bodies.some((b) => b.includes("NOTE-AFTER"))).toBe(false);
    expect(ana.entries("sync:done")[0]?.info.seq).toBe(head);
    expect(ana.socket.connected).toBe(true);
  });
});
