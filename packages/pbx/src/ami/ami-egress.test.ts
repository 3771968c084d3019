import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { EgressGuard, EGRESS_REFUSED_MESSAGE } from "@switchboard/egress";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { silentLog } from "../testing/connector-harness";
import { AmiConnector } from "./ami-connector";

let t: TestDatabase;
let pbx: Server;
let connections = 0;

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  pbx = createServer((socket) => {
    connections++;
    socket.end("Asterisk Call Manager/5.0.1\r\n");
  });
  await new Promise<void>((resolve) => pbx.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => pbx.close(resolve));
  await t?.drop();
});

it("the connector checks the AMI host at connect time: a loopback PBX is never contacted without the on-premises setting", async () => {
  const { connection } = await createPbxTestOrg(t.database.client, t.box, { port: (pbx.address() as AddressInfo).port });
  const connector = await AmiConnector.start({
    db: t.database.client,
    box: t.box,
    connectionId: connection.id,
    log: silentLog,
    backoff: { baseMs: 20, maxMs: 100 },
    egress: new EgressGuard({ allowPrivate: false, ownServices: [] })
  });
  await expect
    .poll(async () => (await t.database.client.pbxConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastError, { timeout: 10_000 })
    .toBe(EGRESS_REFUSED_MESSAGE);
  await connector.stop();
  expect(connections).toBe(0);
});
