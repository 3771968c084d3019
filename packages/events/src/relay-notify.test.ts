import { createExtensionRow, createOrganization } from "@switchboard/db/seed";
import { describe, expect, it } from "vitest";
import { NEVER_MS, useListeningRelays } from "./test-support/listening-relays";
import { waitFor } from "./testing";

describe("relay woken by PostgreSQL NOTIFY", () => {
  const bed = useListeningRelays();

  it("publishes another process's commit without waiting for the poll", async () => {
    const { log } = await bed.startRelay({ pollIntervalMs: NEVER_MS, listenRetryMs: 100 });
    const org = await createOrganization(bed.writer.client);
    const extension = await createExtensionRow(bed.writer.client, bed.testDb.box, org.id, "301");
    await waitFor(async () => (await bed.publishedSeqs(log, org.id)).length === 1, { what: "the created extension in Redis", timeoutMs: 20_000 });
    // Startup wakes the relay twice at most (start, LISTEN in place); each waited-for change needs a
    // round that began after it committed, so these three could not all arrive without NOTIFY.
    for (const name of ["one", "two", "three"]) {
      const before = (await bed.publishedSeqs(log, org.id)).length;
      await bed.writer.client.extension.update({ where: { id: extension.id }, data: { displayName: `renamed ${name}` } });
      await waitFor(async () => (await bed.publishedSeqs(log, org.id)).length === before + 1, { what: `change "${name}" in Redis`, timeoutMs: 20_000 });
    }
    expect(await bed.publishedSeqs(log, org.id)).toEqual([1, 2, 3, 4]);
  });

  it("still publishes by polling when the LISTEN connection is lost", async () => {
    const { relay, log } = await bed.startRelay({ pollIntervalMs: 200, listenRetryMs: NEVER_MS });
    const [dropped] = await bed.testDb.database.raw.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'switchboard-outbox-listener'`
    );
    expect(dropped?.n).toBe(1);
    await waitFor(() => !relay.stats().listening, { what: "the relay to notice the lost connection", timeoutMs: 20_000 });

    const org = await createOrganization(bed.writer.client);
    await createExtensionRow(bed.writer.client, bed.testDb.box, org.id, "302");
    await waitFor(async () => (await bed.publishedSeqs(log, org.id)).length === 1, { what: "the change found by polling", timeoutMs: 20_000 });
    expect(relay.stats().listening).toBe(false);
  });
});
