import { pino } from "pino";
import type { TestDatabase } from "@switchboard/db/testing";
import { EgressGuard } from "@switchboard/egress";
import { AmiConnector, type AmiConnectorOptions } from "../ami/ami-connector";
import type { AmiMessage } from "../ami/ami-message";
import { formatMessage } from "../ami/format-action";
import { FakeAmiServer, type FakeAmiServerOptions } from "./fake-ami-server";
import { createPbxTestOrg, createQueueTestSetup } from "./pbx-test-org";
import { waitForEmit } from "./wait-for";

export const silentLog = pino({ level: "silent" });

/** Fake PBXs listen on loopback: tests allow private addresses, as an on-premises install does. */
export const onPremEgress = new EgressGuard({ allowPrivate: true, ownServices: [] });

/**
 * A fake PBX, an organization wired to it and a running connector — logged in and resynced —
 * for integration tests against the real test database.
 */
export async function startConnectorHarness(
  t: TestDatabase,
  options: Partial<FakeAmiServerOptions> & {
    waitForResync?: boolean;
    actionTimeoutMs?: number;
    /** Create the fixtures' queues and pause reasons before connecting (createQueueTestSetup). */
    queues?: boolean;
    queueResync?: AmiConnectorOptions["queueResync"];
    limits?: AmiConnectorOptions["limits"];
  } = {}
) {
  const server = await FakeAmiServer.start({ username: "switchboard", secret: "ami-secret-123", ...options });
  const setup = await createPbxTestOrg(t.database.client, t.box, { port: server.port });
  const queues = options.queues ? await createQueueTestSetup(t.database.client, setup.org.id, setup.extensions) : undefined;
  const connector = await AmiConnector.start({
    db: t.database.client,
    box: t.box,
    connectionId: setup.connection.id,
    log: silentLog,
    egress: onPremEgress,
    backoff: { baseMs: 20, maxMs: 200 },
    actionTimeoutMs: options.actionTimeoutMs,
    queueResync: options.queueResync,
    limits: options.limits
  });
  if (options.waitForResync !== false) await waitForEmit(connector, "resynced");
  let markers = 0;
  return {
    server,
    connector,
    ...setup,
    queues,
    /** Replays AMI text and resolves once the tracker has applied all of it. */
    async replay(text: string): Promise<void> {
      const marker = `fixture-end-${++markers}`;
      const seen = waitForEmit(connector, "message", (m: AmiMessage) => m.name === "UserEvent" && m.fields.userevent === marker);
      await server.replay(text + formatMessage({ Event: "UserEvent", Privilege: "user,all", UserEvent: marker }));
      await seen;
      await connector.tracker.idle();
    },
    async stop(): Promise<void> {
      await connector.stop();
      await server.close();
    }
  };
}
