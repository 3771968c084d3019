import { createExtensionRow, createOrganization } from "@switchboard/db/seed";
import { describe, expect, it } from "vitest";
import { RELAY_LEADER_LOCK } from "./relay/standby";
import { NEVER_MS, useListeningRelays } from "./test-support/listening-relays";
import { waitFor } from "./testing";

describe("one relay leads, the others stand by", () => {
  const bed = useListeningRelays();

  /** Holds the leader lock, as a leading relay's LISTEN connection does, until released. */
  async function holdLeaderLock(): Promise<() => Promise<void>> {
    let locked: () => void = () => undefined;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const transaction = bed.testDb.database.raw.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock($1, $2) IS NULL AS done", ...RELAY_LEADER_LOCK);
        locked();
        await released;
      },
      { timeout: 60_000 }
    );
    await held;
    const free = async () => {
      release();
      await transaction;
    };
    bed.afterThisTest(free);
    return free;
  }

  async function extensionOfNewOrg() {
    const org = await createOrganization(bed.writer.client);
    const extension = await createExtensionRow(bed.writer.client, bed.testDb.box, org.id, "501");
    return { org, extension };
  }

  it("a relay that is not the leader still publishes a NOTIFY'd change, after its delay, with no poll", async () => {
    await holdLeaderLock();
    const { relay, log } = await bed.startRelay({ standbyDelayMs: 200 });
    expect(relay.stats().standby).toBe(true);
    const { org } = await extensionOfNewOrg();
    await waitFor(async () => (await bed.publishedSeqs(log, org.id)).length === 1, { what: "the change in Redis", timeoutMs: 20_000 });
    expect(relay.stats().standby).toBe(true);
  });

  it("a standby runs no round per NOTIFY while the leader publishes", async () => {
    // Polling, it takes the lead even if the last test's leader's session is still closing.
    const leader = await bed.startRelay({ pollIntervalMs: 100 });
    await waitFor(() => !leader.relay.stats().standby, { what: "the first relay to lead", timeoutMs: 20_000 });
    const standby = await bed.startRelay({ standbyDelayMs: NEVER_MS });
    expect(standby.relay.stats().standby).toBe(true);
    // Its start-up round is over before the changes begin: one, which the log's status (live when
    // the relay subscribes) asks for; start() asks for none more while it runs.
    await waitFor(() => standby.relay.stats().rounds >= 1, { what: "the standby's start-up round", timeoutMs: 20_000 });
    const rounds = standby.relay.stats().rounds;
    const { org, extension } = await extensionOfNewOrg();
    for (const name of ["one", "two", "three", "four", "five"]) {
      await bed.writer.client.extension.update({ where: { id: extension.id }, data: { displayName: `renamed ${name}` } });
    }
    await waitFor(async () => (await bed.publishedSeqs(leader.log, org.id)).length === 6, { what: "six changes in Redis", timeoutMs: 20_000 });
    expect(await bed.publishedSeqs(leader.log, org.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(standby.relay.stats().rounds).toBe(rounds);
  });

  it("a relay told not to lead stands by though no one holds the lock, and still publishes", async () => {
    const { relay, log } = await bed.startRelay({ lead: false, standbyDelayMs: 200 });
    expect(relay.stats().standby).toBe(true);
    const { org } = await extensionOfNewOrg();
    await waitFor(async () => (await bed.publishedSeqs(log, org.id)).length === 1, { what: "the change in Redis", timeoutMs: 20_000 });
    expect(relay.stats().standby).toBe(true);
  });

  it("a standby takes the lead on its poll once the leader's connection is gone", async () => {
    const free = await holdLeaderLock();
    const { relay, log } = await bed.startRelay({ pollIntervalMs: 100, standbyDelayMs: NEVER_MS });
    expect(relay.stats().standby).toBe(true);
    await free();
    await waitFor(() => !relay.stats().standby, { what: "the standby to take the lead", timeoutMs: 20_000 });
    const { org } = await extensionOfNewOrg();
    await waitFor(async () => (await bed.publishedSeqs(log, org.id)).length === 1, { what: "the change in Redis", timeoutMs: 20_000 });
  });
});
