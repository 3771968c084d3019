import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import type { AmiMessage } from "../ami/ami-message";
import { ConnectorSupervisor } from "../ami/connector-supervisor";
import { formatMessage } from "../ami/format-action";
import { silentLog, onPremEgress } from "../testing/connector-harness";
import { FakeAmiServer } from "../testing/fake-ami-server";
import { readFixture } from "../testing/fixtures";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { waitForEmit } from "../testing/wait-for";
import { createTrackerStats } from "../tracker/tracker-stats";
import { buildPbxStats, createPbxOpsHandler, type PbxStats } from "./pbx-stats";

const OPS_TOKEN = "pbx-stats-ops-token-0123456789";
const OPS_AUTH = { authorization: `Bearer ${OPS_TOKEN}` };

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await t?.drop();
});

const frame = (text: string, event: string) => {
  const start = text.indexOf(`Event: ${event}\r\n`);
  return text.slice(start, text.indexOf("\r\n\r\n", start) + 4);
};

describe("PBX counters on /stats", () => {
  it("garbage frames, unknown events, unknown channels and out-of-order events on the live connection are counted on GET /stats", async () => {
    const ami = await FakeAmiServer.start({ username: "switchboard", secret: "ami-secret-123" });
    const { org } = await createPbxTestOrg(t.database.client, t.box, { port: ami.port });
    const supervisor = new ConnectorSupervisor({ db: t.database.client, box: t.box, log: silentLog, egress: onPremEgress, refreshMs: 60_000 });
    const resynced = waitForEmit(supervisor, "resynced", (orgId: string) => orgId === org.id);
    await supervisor.start();
    await resynced;
    const webhooks = { ...createTrackerStats(), eventsSeen: 2, outOfOrder: 1 };
    const http = createServer((req, res) => {
      if (!createPbxOpsHandler(() => buildPbxStats({ supervisor, webhooks }), OPS_TOKEN)(req, res)) res.writeHead(404).end();
    });
    http.listen(0, "127.0.0.1");
    await once(http, "listening");
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/stats`)).status).toBe(401);
      const before = (await (await fetch(`${base}/stats`, { headers: OPS_AUTH })).json()) as { pbx: PbxStats };
      expect(before.pbx.totals).toMatchObject({ garbageLines: 0, unknownChannels: 0, outOfOrder: 1 });

      // Garbage and unknowns; then a call put on hold while it is still ringing (out of order).
      const hold = readFixture("hold-unhold.ami");
      const ringing = hold.slice(0, hold.indexOf("Event: Newstate\r\n"));
      const marker = formatMessage({ Event: "UserEvent", Privilege: "user,all", UserEvent: "stats-done" });
      const done = waitForEmit(supervisor, "message", (_orgId: string, m: AmiMessage) => m.fields.userevent === "stats-done");
      await ami.replay(readFixture("bad-input.ami") + ringing + frame(hold, "Hold") + marker);
      await done;
      await supervisor.idle();

      const response = await fetch(`${base}/pbx/stats`, { headers: OPS_AUTH });
      expect(response.headers.get("content-type")).toBe("application/json");
      const { pbx } = (await response.json()) as { pbx: PbxStats };
      const connection = pbx.connections[org.id];
      expect(connection).toMatchObject({ status: "connected", connects: 1 });
      expect(connection?.parser).toMatchObject({ garbageLines: 3, malformedFrames: 1 });
      expect(connection?.tracker).toMatchObject({ unknownEvents: 1, unknownChannels: 5, outOfOrder: 1, writeErrors: 0 });
      expect(pbx.totals).toMatchObject({ garbageLines: 3, malformedFrames: 1, unknownEvents: 1, unknownChannels: 5, outOfOrder: 2 });
      expect(pbx.webhooks).toMatchObject({ eventsSeen: 2, outOfOrder: 1 });
      expect(await (await fetch(`${base}/pbx/healthz`)).json()).toEqual({ ok: true });
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      http.close();
      await supervisor.stop();
      await ami.close();
    }
  });
});
