import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createOrganization } from "../seed/factories";
import { clientWithAdapter as clientOn, holdConnection } from "../testing/pinned-client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { OutboxBatch } from "../outbox/outbox-batch";
import { runPinned } from "./pinned-transactions";

/**
 * A pinned transaction's limits: how long it may wait for a connection and run, and what becomes
 * of its connection when it runs past them or PostgreSQL ends it. Two pool connections: one not
 * given back stalls the transactions after it.
 */
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 2 });
});
afterAll(() => t?.drop());

const clientWithAdapter = () => clientOn(t.url);

describe("a pinned transaction's limits", () => {
  it("rolls back once it runs past its timeout, giving its connection back while fn still waits; fn's later calls and its end then fail", async () => {
    const { raw, adapter } = await clientWithAdapter();
    const org = await createOrganization(t.database.client);
    const { holder, entered, release } = holdConnection(raw, adapter);
    await entered;
    let resume = () => {};
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    // The client's other connection, in a transaction that waits past its timeout.
    const run = runPinned(
      adapter,
      new OutboxBatch(),
      async () => {
        await raw.organization.update({ where: { id: org.id }, data: { name: "Inside" } });
        await resumed;
        return raw.organization.count();
      },
      { maxWait: 10_000, timeout: 200 }
    ).catch((error: unknown) => error);

    // Answered only once that connection is given back, while fn still waits; its update undone.
    expect(await raw.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: org.name });
    resume();
    expect(await run).toMatchObject({ message: "the transaction ran past its 200 ms and was rolled back" });
    release();
    await holder;
  });

  it("past its timeout cancels a statement stuck waiting for a lock, and gives its connection back while the lock is still held", async () => {
    const { raw, adapter } = await clientWithAdapter();
    const org = await createOrganization(t.database.client);
    const locker = new pg.Client({ connectionString: t.url });
    await locker.connect();
    onTestFinished(() => locker.end());
    await locker.query("BEGIN");
    await locker.query("SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE", [org.id]);

    const stuck = runPinned(adapter, new OutboxBatch(), () => raw.organization.update({ where: { id: org.id }, data: { name: "Inside" } }), {
      maxWait: 10_000,
      timeout: 200
    });

    await expect(stuck).rejects.toThrow("the transaction ran past its 200 ms and was rolled back");
    // Both of the pool's connections serve transactions while the lock is still held.
    const both = [0, 1].map(() => runPinned(adapter, new OutboxBatch(), () => raw.organization.count(), { maxWait: 10_000, timeout: 10_000 }));
    expect(await Promise.all(both)).toHaveLength(2);
    await locker.query("UPDATE organizations SET name = 'Locker' WHERE id = $1", [org.id]);
    await locker.query("COMMIT");
    expect(await raw.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: "Locker" });
  });

  it("fails when PostgreSQL ends its connection mid-way, and the pool serves the transactions after it on fresh connections", async () => {
    const { raw, adapter } = await clientWithAdapter();
    const org = await createOrganization(t.database.client);
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    onTestFinished(() => admin.end());

    const cut = runPinned(adapter, new OutboxBatch(), async () => {
      await raw.organization.update({ where: { id: org.id }, data: { name: "Inside" } });
      const [{ pid }] = await raw.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      return raw.organization.count();
    });

    await expect(cut).rejects.toThrow(/connection/);
    expect(await raw.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: org.name });
    const both = [0, 1].map(() => runPinned(adapter, new OutboxBatch(), () => raw.organization.count(), { maxWait: 10_000, timeout: 10_000 }));
    expect(await Promise.all(both)).toHaveLength(2);
  });

  it("fails when no connection comes free within maxWait, and gives the connection it gets later back unused", async () => {
    const { raw, adapter } = await clientWithAdapter();
    const holds = [holdConnection(raw, adapter), holdConnection(raw, adapter)];
    await Promise.all(holds.map((h) => h.entered));

    await expect(runPinned(adapter, new OutboxBatch(), () => raw.organization.count(), { maxWait: 100, timeout: 10_000 })).rejects.toThrow(
      "no database connection came free within 100 ms to start a transaction"
    );
    for (const h of holds) h.release();
    await Promise.all(holds.map((h) => h.holder));
    // Two transactions at once need both connections: the one the late start got is back in the pool.
    const both = [0, 1].map(() => runPinned(adapter, new OutboxBatch(), () => raw.organization.count(), { maxWait: 10_000, timeout: 10_000 }));
    expect(await Promise.all(both)).toHaveLength(2);
  });
});
