import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { FakeAmiServer } from "../testing/fake-ami-server";
import { silentLog, onPremEgress } from "../testing/connector-harness";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { ConnectorSupervisor } from "./connector-supervisor";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await t?.drop();
});

describe("ConnectorSupervisor", () => {
  it("connects every enabled PBX connection and drops disabled ones", async () => {
    const server = await FakeAmiServer.start({ username: "switchboard", secret: "ami-secret-123" });
    const a = await createPbxTestOrg(t.database.client, t.box, { port: server.port });
    const b = await createPbxTestOrg(t.database.client, t.box, { port: server.port });
    await t.database.client.pbxConnection.update({ where: { id: b.connection.id }, data: { enabled: false } });
    const supervisor = new ConnectorSupervisor({ db: t.database.client, box: t.box, log: silentLog, egress: onPremEgress, refreshMs: 60_000 });
    try {
      await supervisor.start();
      expect(Object.keys(supervisor.stats())).toEqual([a.org.id]);
      expect(await supervisor.control(b.org.id, { action: "hangup", pbxCallId: "x" })).toEqual({
        ok: false,
        code: "not_connected",
        error: "PBX not connected"
      });
    } finally {
      await supervisor.stop();
      await server.close();
    }
  });
});
