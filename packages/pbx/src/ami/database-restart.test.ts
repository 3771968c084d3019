import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@switchboard/db";
import { createTestDatabase, startDatabaseProxy, type DatabaseProxy, type TestDatabase } from "@switchboard/db/testing";
import { onPremEgress, silentLog } from "../testing/connector-harness";
import { FakeAmiServer } from "../testing/fake-ami-server";
import { readFixture } from "../testing/fixtures";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { waitForEmit } from "../testing/wait-for";
import { ConnectorSupervisor } from "./connector-supervisor";

let t: TestDatabase;
let proxy: DatabaseProxy;
let proxied: Database;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  proxy = await startDatabaseProxy(t.url);
  // The connector reaches PostgreSQL only through the proxy; the test reads and sets up directly.
  proxied = createDatabase({ kind: "postgres", url: proxy.url, poolSize: 4 });
});
afterAll(async () => {
  await proxy?.restore();
  await proxied?.close();
  await proxy?.close();
  await t?.drop();
});

/** How long a poll waits for the supervisor or the database on a busy machine. */
const POLL_TIMEOUT_MS = 15_000;

describe("PostgreSQL restarted under load: the PBX connector", () => {
  it("survives, records calls again by itself, and a call that ended while the database was away is not left live", async () => {
    const ami = await FakeAmiServer.start({ username: "switchboard", secret: "ami-secret-123" });
    const { org, connection } = await createPbxTestOrg(t.database.client, t.box, { port: ami.port });
    const supervisor = new ConnectorSupervisor({ db: proxied.client, box: t.box, log: silentLog, egress: onPremEgress, refreshMs: 500 });
    const stateOf = (pbxCallId: string) =>
      t.database.raw.call.findUnique({ where: { organizationId_pbxCallId: { organizationId: org.id, pbxCallId } } }).then((c) => c?.state);
    const resynced = waitForEmit(supervisor, "resynced", (orgId: string) => orgId === org.id);
    await supervisor.start();
    await resynced;
    try {
      const inbound = readFixture("inbound-basic.ami");
      const hangups = inbound.indexOf("Event: BridgeLeave");
      await ami.replay(inbound.slice(0, hangups));
      await expect.poll(() => stateOf("1767261600.1"), { timeout: POLL_TIMEOUT_MS, interval: 100 }).toBe("answered");

      await proxy.cut();
      // The caller hangs up while nothing can be written: the PBX's events are lost to the database.
      await ami.replay(inbound.slice(hangups));
      await expect.poll(() => supervisor.stats()[org.id]?.tracker.writeErrors ?? 0, { timeout: POLL_TIMEOUT_MS, interval: 100 }).toBeGreaterThan(0);
      await supervisor.idle();
      expect(await stateOf("1767261600.1")).toBe("answered");

      await proxy.restore();
      // Nothing reconnects the PBX: the connector itself must notice the database is back and resync.
      await expect.poll(() => stateOf("1767261600.1"), { timeout: POLL_TIMEOUT_MS, interval: 100 }).toBe("ended");
      const ended = await t.database.raw.call.findUniqueOrThrow({ where: { organizationId_pbxCallId: { organizationId: org.id, pbxCallId: "1767261600.1" } } });
      expect(ended.endedAt).not.toBeNull();

      // And it keeps recording: a new call after the outage arrives as usual.
      await ami.replay(readFixture("outbound-trunk.ami"));
      await expect.poll(() => stateOf("1767261800.5"), { timeout: POLL_TIMEOUT_MS, interval: 100 }).toBe("ended");
      expect(supervisor.owns(org.id)).toBe(true);
      const row = await t.database.raw.pbxConnection.findUniqueOrThrow({ where: { id: connection.id } });
      expect(row.status).toBe("connected");
    } finally {
      await supervisor.stop();
      await ami.close();
    }
  });
});
