import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { currentSeq } from "@switchboard/db";
import { createExtensionRow, createOrganization, createUser } from "@switchboard/db/seed";
import { RealtimeClient } from "./realtime-client";
import { createRealtimeTestBed, type RealtimeTestBed } from "./testing/realtime-test-nodes";

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

describe("the console's realtime client when its node shuts down", () => {
  it("leaves on server:draining, lands on the other node and applies every event once, in order", { timeout: 90_000 }, async () => {
    const { tdb } = bed;
    const org = await createOrganization(tdb.database.client);
    const user = await createUser(tdb.database.client, org.id, { role: "admin", passwordHash: "unused" });
    bed.actAsBrowserOf(user);

    const [one, two] = [await bed.startNode(), await bed.startNode()];
    const url = await bed.startBalancer([one.port, two.port]);
    const applied: DomainEvent[] = [];
    const initialSeq = await currentSeq(tdb.database.client, org.id);
    const client = new RealtimeClient({
      url,
      initialSeq,
      onAuthFailure: (why) => applied.push({ type: `auth failed: ${why}` } as unknown as DomainEvent),
      onAccessChanged: () => undefined,
      onResync: () => applied.push({ type: "resync" } as unknown as DomainEvent),
      onEvent: (event) => applied.push(event),
      onSynced: () => undefined
    });
    cleanups.push(() => client.stop());
    // What the extensions page follows; the handshake names it.
    client.subscribeTopics(["extensions"], initialSeq);
    client.start();
    await expect.poll(() => client.getSnapshot().status, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe("live");
    expect(one.pipeline.realtime?.stats().connections).toBe(1);
    const reasons: string[] = [];
    client.connection?.on("disconnect", (reason) => reasons.push(reason));

    const extension = await createExtensionRow(tdb.database.client, tdb.box, org.id, "4100");
    const touch = (n: number) => tdb.database.client.extension.update({ where: { id: extension.id }, data: { displayName: `Drain ${n}` } });
    await expect.poll(() => applied.length, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe(1);
    const first = applied[0]?.seq ?? 0;
    const writes = (async () => {
      for (let n = 1; n <= 60; n++) await touch(n);
    })();
    await expect.poll(async () => (await currentSeq(tdb.database.client, org.id)) >= first + 10, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe(true);
    // apps/realtime's SIGTERM: stop accepting, then close the pipeline (which drains the sockets).
    one.http.close();
    await one.pipeline.close();
    await writes;
    const head = await currentSeq(tdb.database.client, org.id);

    await expect.poll(() => applied.at(-1)?.seq, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe(head);
    // The client left by itself when told; cut off by the node it would say "transport close".
    expect(reasons[0]).toBe("io client disconnect");
    expect(applied.map((e) => e.seq)).toEqual(Array.from({ length: head - first + 1 }, (_, i) => first + i));
    expect(two.pipeline.realtime?.stats().connections).toBe(1);
    expect(client.getSnapshot().status).toBe("live");
  });
});
