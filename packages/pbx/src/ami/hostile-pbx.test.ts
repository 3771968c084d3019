import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { onPremEgress, startConnectorHarness } from "../testing/connector-harness";
import { FakeAmiServer } from "../testing/fake-ami-server";
import { AmiClient } from "./ami-client";
import { AmiActionError } from "./ami-errors";
import { readFixture } from "../testing/fixtures";
import { formatMessage } from "./format-action";
import { AmiLimitError, type AmiLimitName, type AmiLimits } from "./ami-limits";

/**
 * G9 for PBX ingestion: a PBX sending oversized frames, lists that never end or a flood of
 * Newchannel costs at most what its limits allow, has its connection dropped, counted and retried
 * with backoff, and meanwhile another organization's calls keep flowing through the same process
 * and database.
 */
let t: TestDatabase;
const harnesses: Awaited<ReturnType<typeof startConnectorHarness>>[] = [];
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 6 });
});
afterAll(async () => {
  for (const h of harnesses) await h.stop();
  await t?.drop();
});

const LIMITS: Partial<AmiLimits> = { maxFrameBytes: 16 * 1024, maxFrameLines: 200, maxListEvents: 500, maxTrackerBacklog: 200 };

async function hostile(options: Parameters<typeof startConnectorHarness>[1] = {}) {
  const h = await startConnectorHarness(t, { limits: LIMITS, ...options });
  harnesses.push(h);
  return h;
}

/** Another organization on its own healthy PBX, whose call must be recorded while the hostile one misbehaves. */
async function bystanderCall(): Promise<() => Promise<void>> {
  const h = await startConnectorHarness(t);
  harnesses.push(h);
  return async () => {
    await h.replay(readFixture("inbound-basic.ami"));
    const call = await t.database.raw.call.findFirstOrThrow({ where: { organizationId: h.org.id } });
    expect(call).toMatchObject({ pbxCallId: "1767261600.1", state: "ended" });
    expect(h.connector.stats().limitDrops).toEqual({});
  };
}

/** Waits for the drop; `reasons`: the errors the integration showed (pbx.status_changed), so an admin sees why. */
async function dropped(h: Awaited<ReturnType<typeof hostile>>, limit: AmiLimitName) {
  await waitFor(() => (h.connector.stats().limitDrops[limit] ?? 0) >= 1, { timeoutMs: 15_000, what: `a drop for ${limit}` });
  const reasons = await waitFor(
    async () => {
      const events = await t.database.raw.outboxEvent.findMany({ where: { organizationId: h.org.id, type: "pbx.status_changed" } });
      const errors = events.map((e) => JSON.stringify(e.data)).filter((data) => data.includes(`limit ${limit}`));
      return errors.length > 0 ? errors.join("\n") : undefined;
    },
    { what: `the drop for ${limit} shown on the integration` }
  );
  return { stats: h.connector.stats(), reasons };
}

function newchannel(n: number): string {
  return formatMessage({
    Event: "Newchannel",
    Privilege: "call,all",
    Channel: `PJSIP/101-${n}`,
    ChannelState: "4",
    ChannelStateDesc: "Ring",
    CallerIDNum: "101",
    Uniqueid: `1767300000.${n}`,
    Linkedid: `1767300000.${n}`
  });
}

describe("a hostile PBX stays contained (G9)", () => {
  it("a frame of a megabyte: cut off at the frame limit, connection dropped, another org's call recorded", async () => {
    const h = await hostile();
    const bystander = await bystanderCall();
    const megabyte = function* () {
      yield "Event: Newchannel\r\n";
      for (let i = 0; i < 64; i++) yield `Data${i}: ${"x".repeat(16 * 1024)}\r\n`;
      yield "\r\n";
    };
    await Promise.all([h.server.flood(megabyte()), bystander()]);
    const { stats, reasons } = await dropped(h, "maxFrameBytes");
    expect(stats.parser.oversizedFrames).toBeGreaterThanOrEqual(1);
    expect(stats.peaks.bufferedBytes).toBeLessThanOrEqual(16 * 1024);
    expect(reasons).toMatch(/more than 16384 bytes/);
    // It reconnects (with backoff) and is served again.
    await waitFor(() => h.server.logins.accepted >= 2, { timeoutMs: 15_000, what: "a new login after the drop" });
  });

  it("a frame of endless short lines: dropped at the line limit", async () => {
    const h = await hostile();
    const lines = function* () {
      yield "Event: Newchannel\r\n";
      for (let i = 0; i < 100; i++) yield Array.from({ length: 50 }, (_, j) => `L${i}x${j}: y\r\n`).join("");
    };
    await h.server.flood(lines());
    const { stats } = await dropped(h, "maxFrameLines");
    expect(stats.peaks.bufferedBytes).toBeLessThanOrEqual(16 * 1024);
  });

  it("a list that never completes: dropped at the list limit, never applied as a snapshot", async () => {
    const h = await hostile({ waitForResync: false });
    h.server.script("CoreShowChannels", "endless");
    const bystander = await bystanderCall();
    h.server.dropConnections();
    await Promise.all([dropped(h, "maxListEvents"), bystander()]);
    expect(h.connector.stats().tracker.resyncs).toBeLessThanOrEqual(1);
  });

  it("a flood of Newchannel: the tracker's backlog stays bounded, the connection is dropped, another org's call is recorded", async () => {
    const h = await hostile();
    const bystander = await bystanderCall();
    const flood = function* () {
      for (let batch = 0; batch < 200; batch++) yield Array.from({ length: 100 }, (_, i) => newchannel(batch * 100 + i)).join("");
    };
    await Promise.all([h.server.flood(flood()), bystander()]);
    const { stats, reasons } = await dropped(h, "maxTrackerBacklog");
    // Each event queues at most two tasks before the check; nothing more is dispatched after the drop.
    expect(stats.peaks.trackerBacklog).toBeLessThanOrEqual(202);
    expect(stats.tracker.eventsSeen).toBeLessThan(20_000);
    expect(reasons).toMatch(/faster than they could be applied/);
  });

  it("a session that fails right after its login is retired: one live session feeds the tracker", async () => {
    const h = await hostile({ waitForResync: false });
    let failed = false;
    h.connector.on("status", (status) => {
      if (status !== "connected" || failed) return;
      failed = true;
      throw new Error("status listener failed");
    });
    h.server.dropConnections();
    await waitFor(() => failed && h.server.logins.accepted >= 2 && h.connector.stats().status === "connected", {
      timeoutMs: 15_000,
      what: "a second session after the failed one"
    });
    await waitFor(() => h.server.openSessions === 1, { timeoutMs: 5_000, what: "the failed session closed" });
    expect(h.server.openSessions).toBe(1);
  });

  it("actions the PBX never answers: past the limit the connection is dropped and every caller gets an answer", async () => {
    const server = await FakeAmiServer.start({ username: "switchboard", secret: "ami-secret-123" });
    try {
      server.script("Ping", "stall");
      const closedWith: unknown[] = [];
      const client = new AmiClient(
        { host: "127.0.0.1", port: server.port, username: "switchboard", secret: "ami-secret-123", egress: onPremEgress, limits: { maxPendingActions: 5 } },
        () => undefined
      );
      client.onClose((error) => closedWith.push(error));
      await client.connect();
      const results = await Promise.all(Array.from({ length: 6 }, () => client.send("Ping").catch((error: unknown) => error)));
      expect(results[5]).toBeInstanceOf(AmiLimitError);
      expect(results.slice(0, 5).every((r) => r instanceof AmiActionError && /closed/.test(r.message))).toBe(true);
      expect(closedWith).toHaveLength(1);
      expect(closedWith[0]).toBeInstanceOf(AmiLimitError);
      await waitFor(() => server.openSessions === 0, { what: "the connection closed" });
    } finally {
      await server.close();
    }
  });
});
