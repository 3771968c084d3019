import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { createTicket, currentSeq, updateTicket } from "@switchboard/db";
import { createExtensionRow, createOrganization, createUser, trunkData } from "@switchboard/db/seed";
import { createTicketOrg } from "@switchboard/db/testing";
import { RealtimeClient } from "./realtime-client";
import type { EventOrigin } from "./replay-listeners";
import { createRealtimeTestBed, type RealtimeTestBed } from "./testing/realtime-test-nodes";
import { RELEASE_DELAY_MS } from "./topic-entry";

/** How long a poll waits for the socket or the database on a busy machine. */
const POLL_TIMEOUT_MS = 20_000;

let bed: RealtimeTestBed;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  bed = await createRealtimeTestBed();
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await bed?.close();
});

describe("the console's realtime client following its pages' topics", () => {
  it("receives only its topics; a page shown later gets its topic's earlier events in order, untoasted, then live", { timeout: 90_000 }, async () => {
    const { tdb } = bed;
    const db = tdb.database.client;
    const org = await createOrganization(db);
    const user = await createUser(db, org.id, { role: "admin", passwordHash: "unused" });
    bed.actAsBrowserOf(user);
    const node = await bed.startNode();
    const received: { event: DomainEvent; origin: EventOrigin }[] = [];
    const initialSeq = await currentSeq(db, org.id);
    const client = new RealtimeClient({
      url: `http://127.0.0.1:${node.port}`,
      initialSeq,
      onAuthFailure: () => undefined,
      onAccessChanged: () => undefined,
      onResync: () => undefined,
      onEvent: (event, origin) => received.push({ event, origin }),
      onSynced: () => undefined
    });
    cleanups.push(() => client.stop());
    client.subscribeTopics(["extensions"], initialSeq);
    client.start();
    await expect.poll(() => client.getSnapshot().status, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");
    const originOf = (id: string) => received.find((entry) => entry.event.subject.id === id)?.origin;

    // Before the trunks page is shown: a trunk the tab is not sent, then an extension it is.
    const early = await db.trunk.create({ data: trunkData(tdb.box, org.id, "Early carrier") });
    const desk = await createExtensionRow(db, tdb.box, org.id, "4200");
    await expect.poll(() => originOf(desk.id), { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");
    expect(originOf(early.id)).toBeUndefined();

    // The trunks page, read before both: its trunk comes as a backfill, below the tab's head.
    const release = client.subscribeTopics(["trunks"], initialSeq);
    await expect
      .poll(() => client.buffer.since(initialSeq, ["trunks"])?.map((e) => e.subject.id), { timeout: POLL_TIMEOUT_MS, interval: 50 })
      .toEqual([early.id]);
    expect(originOf(early.id)).toBe("backfill");
    const both = client.buffer.since(initialSeq, ["extensions", "trunks"]) ?? [];
    expect(both.map((e) => e.subject.id)).toEqual([early.id, desk.id]);

    const later = await db.trunk.create({ data: trunkData(tdb.box, org.id, "Later carrier") });
    await expect.poll(() => originOf(later.id), { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");

    // No view shows trunks any more: a while later the node stops sending them.
    release();
    await expect.poll(() => client.buffer.since(initialSeq, ["trunks"]), { timeout: RELEASE_DELAY_MS + POLL_TIMEOUT_MS, interval: 50 }).toBeUndefined();
    // The tab's own unsubscribe went out when it stopped covering trunks; an acknowledged request sent
    // after it on the same socket proves the node has handled it.
    const after = await client.connection?.timeout(5_000).emitWithAck("topics:unsubscribe", { topics: ["trunks"] });
    expect(after).toMatchObject({ ok: true });
    expect(after?.ok && after.data.topics).not.toContain("trunks");
    const gone = await db.trunk.create({ data: trunkData(tdb.box, org.id, "Unseen carrier") });
    const another = await createExtensionRow(db, tdb.box, org.id, "4201");
    await expect.poll(() => originOf(another.id), { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");
    expect(originOf(gone.id)).toBeUndefined();

    // Who is online comes only while a view shows it, and is forgotten (not left stale) after.
    expect(client.getSnapshot().presence).toBeNull();
    const releasePresence = client.subscribeTopics(["presence"]);
    await expect
      .poll(() => client.getSnapshot().presence?.members.map((member) => member.userId), { timeout: POLL_TIMEOUT_MS, interval: 50 })
      .toEqual([user.id]);
    releasePresence();
    await expect.poll(() => client.getSnapshot().presence, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBeNull();
  });

  it(
    "asks again for a topic the node failed to follow, from the page's snapshot, and says its live updates are delayed meanwhile",
    { timeout: 90_000 },
    async () => {
      const { tdb } = bed;
      const db = tdb.database.client;
      const deps = { db, box: tdb.box };
      const org = await createTicketOrg(db, "Lagging");
      bed.actAsBrowserOf(await db.user.findUniqueOrThrow({ where: { id: org.admin.id } }));
      const node = await bed.startNode();
      const received: DomainEvent[] = [];
      const client = new RealtimeClient({
        url: `http://127.0.0.1:${node.port}`,
        initialSeq: await currentSeq(db, org.orgId),
        onAuthFailure: () => undefined,
        onAccessChanged: () => undefined,
        onResync: () => undefined,
        onEvent: (event) => received.push(event),
        onSynced: () => undefined
      });
      cleanups.push(() => client.stop());
      client.start();
      await expect.poll(() => client.getSnapshot().status, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");
      const { ticket } = await createTicket(deps, org.admin, { subject: "Lines down", body: "x", officeId: org.supportId, customerId: org.customer.id });
      const snapshot = await currentSeq(db, org.orgId);

      // The node's access check for the ticket page waits on a lock, and its connection is then ended.
      let unlock = () => {};
      const unlocked = new Promise<void>((resolve) => (unlock = resolve));
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db.$transaction(
        async (tx) => {
          await tx.$executeRaw`LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE`;
          locked();
          await unlocked;
        },
        { maxWait: 10_000, timeout: 60_000 }
      );
      await isLocked;
      client.subscribeTopics([`ticket:${ticket.id}`], snapshot);
      const waiting = () =>
        db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%tickets%' AND pid <> pg_backend_pid()`;
      await expect.poll(async () => (await waiting()).length, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe(1);
      await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%tickets%' AND pid <> pg_backend_pid()`;
      await expect.poll(() => client.getSnapshot().status, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("delayed");

      // A change made while the page could not follow its ticket, then the database answers again.
      unlock();
      await holder;
      await updateTicket(deps, org.admin, ticket.id, { priority: "urgent" });
      await expect.poll(() => client.getSnapshot().status, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");
      await expect
        .poll(() => client.buffer.since(snapshot, [`ticket:${ticket.id}`])?.map((event) => event.type), { timeout: POLL_TIMEOUT_MS, interval: 50 })
        .toEqual(["ticket.updated"]);
      await updateTicket(deps, org.admin, ticket.id, { priority: "low" });
      await expect
        .poll(() => received.filter((event) => event.subject.id === ticket.id && event.type === "ticket.updated").length, {
          timeout: POLL_TIMEOUT_MS,
          interval: 50
        })
        .toBe(2);
    }
  );
});
