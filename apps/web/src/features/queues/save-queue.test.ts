import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createExtensionRow } from "@switchboard/db/seed";
import { ConnectorSupervisor, inProcessGateway, offGateway } from "@switchboard/pbx";
import { onPremEgress, silentLog, type FakeAmiServer } from "@switchboard/pbx/testing";
import { createApiTestEnv, type ApiTestEnv } from "@/features/api/testing/api-test-env";
import { startFakePbxFor } from "@/features/api/testing/fake-pbx";
import { deleteQueueAs, updateQueueAs } from "./server/save-queue";

/**
 * An admin who takes a signed-in agent out of a queue (or deletes the queue) signs them out of the
 * PBX's queue too: otherwise the PBX goes on ringing someone no console lists for that queue.
 */
let env: ApiTestEnv;
const ext: Record<string, string> = {};

beforeAll(async () => {
  env = await createApiTestEnv();
  for (const [number, name] of [
    ["102", "Ana"],
    ["103", "Bo"],
    ["104", "Cy"]
  ] as const) {
    ext[number] = (await createExtensionRow(env.runtime.db, env.runtime.box, env.orgA.id, number, { displayName: name, sipUsername: number })).id;
  }
});
afterAll(() => env?.close());

/** A queue with the three extensions as members; the ones listed in `signedIn` are signed in. */
async function queueWith(name: string, signedIn: string[]) {
  return env.runtime.db.queue.create({
    data: {
      organizationId: env.orgA.id,
      name,
      members: {
        create: ["102", "103", "104"].map((n) => ({
          organizationId: env.orgA.id,
          extensionId: ext[n] ?? "",
          interface: `PJSIP/${n}`,
          loggedIn: signedIn.includes(n)
        }))
      }
    }
  });
}

const keepOnly = (...numbers: string[]) => ({ members: numbers.map((n) => ({ extensionId: ext[n] ?? "", penalty: 0 })) });
const removals = (ami: FakeAmiServer) => ami.actions.filter((a) => a.action === "QueueRemove").map((a) => `${a.queue} ${a.interface}`);

describe("removing queue members", () => {
  it("in an organization whose queues Switchboard runs itself, just removes them", async () => {
    const queue = await queueWith("billing", ["102"]);
    const deps = { db: env.runtime.db, gateway: offGateway() };
    const saved = await updateQueueAs(deps, env.admin.viewer, queue.id, keepOnly("103"));
    expect(saved.warning).toBeUndefined();
    expect(saved.queue.members.map((m) => m.extensionNumber)).toEqual(["103"]);
    expect(await deleteQueueAs(deps, env.admin.viewer, queue.id)).toEqual({ id: queue.id });
  });

  it("signs the signed-in ones out of the PBX's queue (QueueRemove), leaves the others alone, and says when the PBX cannot be told", async () => {
    const db = env.runtime.db;
    const support = await queueWith("support", ["102", "103"]);
    const sales = await queueWith("sales", ["104"]);
    const ami = await startFakePbxFor(env, env.orgA.id, {
      lists: {
        QueueStatus: ["102", "103"]
          .map((n) => ({ Event: "QueueMember", Queue: "support", Name: n, Location: `PJSIP/${n}`, Status: "1", Paused: "0", InCall: "0" }))
          .concat({ Event: "QueueMember", Queue: "sales", Name: "104", Location: "PJSIP/104", Status: "1", Paused: "0", InCall: "0" })
      }
    });
    const supervisor = new ConnectorSupervisor({ db, box: env.runtime.box, log: silentLog, egress: onPremEgress, refreshMs: 60_000 });
    const resynced = new Promise<void>((resolve) => supervisor.once("resynced", () => resolve()));
    await supervisor.start();
    await resynced;
    const deps = { db, gateway: inProcessGateway(supervisor, 10_000) };
    try {
      // Ana (signed in) and Cy (signed out) leave support; Bo stays.
      const saved = await updateQueueAs(deps, env.admin.viewer, support.id, keepOnly("103"));
      expect(saved.warning).toBeUndefined();
      expect(removals(ami)).toEqual(["support PJSIP/102"]);
      expect(saved.queue.members.map((m) => m.extensionNumber)).toEqual(["103"]);

      // Deleting a queue signs out everyone signed in to it.
      await deleteQueueAs(deps, env.admin.viewer, support.id);
      expect(removals(ami)).toEqual(["support PJSIP/102", "support PJSIP/103"]);

      // With the PBX down the change still commits, and the admin is told whom to sign out by hand.
      await supervisor.stop();
      await db.pbxConnection.update({ where: { organizationId: env.orgA.id }, data: { status: "disconnected" } });
      const offline = await updateQueueAs(deps, env.admin.viewer, sales.id, keepOnly("102", "103"));
      expect(offline.warning).toBe("the PBX is not connected: sign Cy (PJSIP/104) out of sales on the PBX");
      await vi.waitFor(async () => expect(await db.queueMember.count({ where: { queueId: sales.id } })).toBe(2));
      expect(removals(ami)).toHaveLength(2);
    } finally {
      await supervisor.stop();
      await ami.close();
    }
  });
});
