import type { PresenceMember, Topic } from "@switchboard/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { MemoryEventLog } from "@switchboard/events";
import { waitFor } from "@switchboard/events/testing";
import { createOrgWithStaff, createSessionUser, realtimeToken } from "./helpers/identity";

type SessionUserOf = Awaited<ReturnType<typeof createSessionUser>>;
import { dropRedisPrefix, SHARED_REDIS_URL, startNode, uniquePrefix, type TestNode } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

const TTL_MS = 3_000;
let tdb: TestDatabase;
const prefix = uniquePrefix();
const log = new MemoryEventLog();
const nodes: TestNode[] = [];
const clients: TestClient[] = [];
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;

/** Presence needs no events: the nodes share an in-process log, Redis carries presence and the adapter. */
async function node(presenceBatchMs?: number): Promise<TestNode> {
  const started = await startNode({
    database: tdb.database,
    log,
    redis: { url: SHARED_REDIS_URL, keyPrefix: prefix },
    options: { presenceTtlMs: TTL_MS, ...(presenceBatchMs !== undefined ? { presenceBatchMs } : {}) }
  });
  nodes.push(started);
  return started;
}

async function client(
  n: TestNode,
  user: { id: string; orgId: string; role: "admin" | "supervisor" | "agent" | "customer"; name: string; email: string },
  topics?: Partial<Record<Topic, number>>
) {
  const opened = await openClient(n.url, { token: await realtimeToken(user), ...(topics ? { topics } : {}) });
  clients.push(opened);
  return opened;
}

function snapshotOf(c: TestClient) {
  return c
    .entries("presence:snapshot")[0]
    ?.snapshot.members.map((m) => m.userId)
    .sort();
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 3 });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const n of nodes) await n.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("presence across nodes", () => {
  it("shows users on different nodes to each other, counts tabs, and announces the last tab closing", async () => {
    const [one, two] = [await node(), await node()];
    const admin = await client(one, org.admin);
    await admin.waitFor("presence:snapshot");
    const agentTab1 = await client(two, org.agent);
    const joined = await admin.waitFor("presence:joined", (e) => e.member.userId === org.agent.id);
    expect(joined.member).toMatchObject({ userId: org.agent.id, name: org.agent.name, role: "agent", tabs: 1 });
    // The list is pushed once per connect without being asked (consoles never send presence:list on connect).
    expect(admin.entries("presence:snapshot")).toHaveLength(1);
    await agentTab1.waitFor("presence:snapshot");
    expect(snapshotOf(agentTab1)).toEqual([org.admin.id, org.agent.id].sort());

    // A second tab on the other node: no new "joined", but two tabs in the list.
    const agentTab2 = await client(one, org.agent);
    await agentTab2.waitFor("presence:snapshot");
    const list = await admin.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(list.ok && list.data.members.find((m: PresenceMember) => m.userId === org.agent.id)?.tabs).toBe(2);

    agentTab1.close();
    await waitFor(
      async () => {
        const now = await admin.socket.timeout(5_000).emitWithAck("presence:list", {});
        return now.ok && now.data.members.find((m: PresenceMember) => m.userId === org.agent.id)?.tabs === 1;
      },
      { what: "one tab left" }
    );
    expect(admin.entries("presence:left")).toEqual([]);

    agentTab2.close();
    await admin.waitFor("presence:left", (e) => e.left.userId === org.agent.id);
    expect(admin.entries("presence:joined").filter((e) => e.member.userId === org.agent.id)).toHaveLength(1);
  });

  it("keeps presence from customers", async () => {
    const [one] = [await node()];
    const customer = await client(one, org.customer);
    const ack = await customer.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(customer.entries("presence:snapshot")).toEqual([]);
    expect(customer.entries("presence:joined")).toEqual([]);
  });

  it("announces users who come online together in one presence:changed, and every list converges", async () => {
    const storm = await createOrgWithStaff(tdb.database.client);
    // A window long enough that parallel handshakes on a loaded machine land in it.
    const [one, two] = [await node(3_000), await node(3_000)];
    const admin = await client(one, storm.admin);
    await admin.waitFor("presence:joined", (e) => e.member.userId === storm.admin.id, 10_000);
    const before = admin.entries("presence:changed").length;

    const extra = await Promise.all([
      createSessionUser(tdb.database.client, storm.orgId, "agent"),
      createSessionUser(tdb.database.client, storm.orgId, "agent")
    ]);
    const joiners = [storm.supervisor, storm.agent, ...extra];
    const tabs = await Promise.all(joiners.map((user, i) => client(i % 2 === 0 ? one : two, user)));
    const everyone = [storm.admin.id, ...joiners.map((u) => u.id)].sort();
    await waitFor(() => [...admin.onlineUsers()].sort().join() === everyone.join(), { what: "admin sees everyone", timeoutMs: 15_000 });
    // One announcement per node for the whole burst (two nodes), not one per user.
    const deltas = admin.entries("presence:changed").slice(before);
    expect(deltas.length).toBeLessThanOrEqual(2);
    expect(deltas.flatMap((d) => d.change.joined.map((m) => m.userId)).sort()).toEqual(joiners.map((u) => u.id).sort());

    // A supervisor's list (snapshot + deltas) converges to the same set, and a leave is announced.
    const supervisorTab = tabs[0];
    await waitFor(() => [...(supervisorTab?.onlineUsers() ?? [])].sort().join() === everyone.join(), { what: "supervisor converges", timeoutMs: 15_000 });
    tabs[1]?.close();
    await admin.waitFor("presence:left", (e) => e.left.userId === storm.agent.id, 10_000);
    expect(admin.onlineUsers().has(storm.agent.id)).toBe(false);
    // Their long window must not delay other tests' announcements (any node may sweep a crashed one).
    await Promise.all([one.stop(), two.stop()]);
  });

  it("sends who is online only to consoles whose page holds the presence topic", async () => {
    const team = await createOrgWithStaff(tdb.database.client);
    const [one, two] = [await node(), await node()];
    // The operator panel names its families and not presence; the dashboard names presence.
    const operator = await client(one, team.admin, { calls: 0, extensions: 0 });
    const dashboard = await client(two, team.supervisor, { presence: 0 });
    await dashboard.waitFor("presence:snapshot");
    await operator.ready();
    const agent = await client(two, team.agent, { calls: 0 });
    await dashboard.waitFor("presence:joined", (e) => e.member.userId === team.agent.id);

    // Moving to the dashboard: the list then changes, with the agent the operator page never heard of.
    const heardBeforeAsking = operator.timeline.length;
    const subscribed = await operator.socket.timeout(5_000).emitWithAck("topics:subscribe", { topics: ["presence"], since: 0 });
    expect(subscribed).toMatchObject({ ok: true, data: { topics: expect.arrayContaining(["calls", "extensions", "presence"]) } });
    await operator.waitFor("presence:snapshot");
    expect(snapshotOf(operator)).toEqual([team.admin.id, team.supervisor.id, team.agent.id].sort());
    // Nothing of presence came before the page asked. (Once it has, a summary due to the followers
    // it just joined may come before or after its snapshot.)
    expect(operator.timeline.slice(0, heardBeforeAsking).filter((e) => e.type.startsWith("presence:"))).toEqual([]);
    agent.close();
    await operator.waitFor("presence:left", (e) => e.left.userId === team.agent.id);

    // Leaving the dashboard: the agent's return reaches the dashboard, not the operator page. (The
    // agent's first join, announced from the other node, may reach the operator after its snapshot.)
    await operator.socket.timeout(5_000).emitWithAck("topics:unsubscribe", { topics: ["presence"] });
    const heardBeforeLeaving = operator.timeline.length;
    await client(one, team.agent, { calls: 0 });
    const agentJoins = () => dashboard.entries("presence:joined").filter((e) => e.member.userId === team.agent.id).length;
    await waitFor(() => agentJoins() === 2, { what: "the dashboard hears the agent's return" });
    // A request's answer comes after anything the node sent the socket before it.
    await operator.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(operator.timeline.slice(heardBeforeLeaving).filter((e) => e.type.startsWith("presence:"))).toEqual([]);
  });

  it("keeps a console's cost to about a page a second: a count and the first members by name, a storm of joins as one summary", async () => {
    const big = await createOrgWithStaff(tdb.database.client);
    // A page of one person; an interval long enough that a burst of parallel connects falls in one.
    const options = { presenceTtlMs: TTL_MS, presencePageSize: 1, presenceSummaryMs: 8_000 };
    const started = await Promise.all(
      [0, 1].map(() => startNode({ database: tdb.database, log, redis: { url: SHARED_REDIS_URL, keyPrefix: prefix }, options }))
    );
    nodes.push(...started);
    const [one, two] = started as [TestNode, TestNode];
    const people = await Promise.all(
      ["Cyd", "Abe", "Eda", "Bo", "Dot"].map((name, i) => createSessionUser(tdb.database.client, big.orgId, i === 0 ? "supervisor" : "agent", name))
    );
    const [cyd, abe, ...joiners] = people as [SessionUserOf, SessionUserOf, ...SessionUserOf[]];
    // The count of the newest message, as a console keeps it.
    const countOf = (c: TestClient) =>
      [...c.entries("presence:snapshot").map((e) => e.snapshot), ...c.entries("presence:changed").map((e) => e.change)].reduce((a, b) =>
        b.version > a.version ? b : a
      ).total;
    const watcher = await client(one, cyd);
    await watcher.waitFor("presence:snapshot", (e) => e.snapshot.total === 1);
    // Node one's interval has named one person (the watcher): a page. Node two's has room for one.
    await client(two, abe);
    await watcher.waitFor("presence:changed", (e) => e.change.total === 2 && e.change.joined.some((m) => m.userId === abe.id));

    const deltasBefore = watcher.entries("presence:changed").length;
    const tabs = await Promise.all(joiners.map((user) => client(one, user)));
    await waitFor(() => countOf(watcher) === 5, { what: "a count of everyone", timeoutMs: 20_000 });
    const summary = watcher.entries("presence:snapshot").find((e) => e.snapshot.total === 5);
    expect(summary?.snapshot.members.map((m) => m.name)).toEqual(["Abe"]);
    // The burst went out as that one summary, not joiner by joiner.
    const joinedLater = watcher
      .entries("presence:changed")
      .slice(deltasBefore)
      .flatMap((e) => e.change.joined);
    expect(joinedLater).toEqual([]);

    // A console that starts following gets a page and the count; a leave lowers everyone's count.
    const late = tabs[1];
    if (!late) throw new Error("no tab");
    await waitFor(() => countOf(late) === 5, { what: "a new follower's count", timeoutMs: 20_000 });
    expect(late.entries("presence:snapshot").every((e) => e.snapshot.members.length <= 1)).toBe(true);
    tabs[0]?.close();
    await waitFor(() => countOf(watcher) === 4 && countOf(late) === 4, { what: "counts after a leave", timeoutMs: 20_000 });
    const list = await watcher.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(list.ok && { total: list.data.total, names: list.data.members.map((m: PresenceMember) => m.name) }).toEqual({ total: 4, names: ["Abe"] });
    await Promise.all([one.stop(), two.stop()]);
  });

  it("forgets a crashed node's users within the TTL", async () => {
    const [one, two] = [await node(), await node()];
    const watcher = await client(one, org.supervisor);
    await client(two, org.agent);
    await watcher.waitFor("presence:joined", (e) => e.member.userId === org.agent.id);

    const killedAt = Date.now();
    await two.kill();
    await watcher.waitFor("presence:left", (e) => e.left.userId === org.agent.id, 5 * TTL_MS);
    // Heartbeats live 0.75 × TTL and sweeps run every 0.2 × TTL; the slack absorbs a loaded test machine.
    expect(Date.now() - killedAt).toBeLessThanOrEqual(TTL_MS + 1_000);
    const list = await watcher.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(list.ok && list.data.members.map((m: PresenceMember) => m.userId)).not.toContain(org.agent.id);
  });
});
