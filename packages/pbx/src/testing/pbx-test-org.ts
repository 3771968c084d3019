import { secretHint, type SecretBox } from "@switchboard/auth";
import { type DbClient } from "@switchboard/db";
import { createExtensionRow, createOrganization, trunkData } from "@switchboard/db/seed";

const TEST_EXTENSIONS = [
  ["101", "Sam Supervisor"],
  ["102", "Ana Agent"],
  ["103", "Bo Agent"]
] as const;

/**
 * An organization shaped like the fixtures expect: extensions 101–103 and the trunks "Carrier A"
 * (PJSIP endpoint carrier-a) and "Carrier B (backup)", plus its AMI connection row.
 */
export async function createPbxTestOrg(db: DbClient, box: SecretBox, ami: { port: number; username?: string; secret?: string } = { port: 5038 }) {
  const org = await createOrganization(db);
  const extensions = new Map<string, string>();
  for (const [number, displayName] of TEST_EXTENSIONS) {
    extensions.set(number, (await createExtensionRow(db, box, org.id, number, { displayName })).id);
  }
  const carrierA = await db.trunk.create({ data: trunkData(box, org.id, "Carrier A", { host: "sip.carrier-a.example.net" }) });
  const carrierB = await db.trunk.create({ data: trunkData(box, org.id, "Carrier B (backup)", { host: "sip.carrier-b.example.net" }) });
  const secret = ami.secret ?? "ami-secret-123";
  const connection = await db.pbxConnection.create({
    data: {
      organizationId: org.id,
      host: "127.0.0.1",
      port: ami.port,
      username: ami.username ?? "switchboard",
      secretEnc: box.seal(secret),
      secretHint: secretHint(secret)
    }
  });
  return { org, extensions, trunks: { carrierA, carrierB }, connection };
}

/**
 * The queues the queue fixtures assume: "support" (rrmemory, service level 20 s, wrap-up 30 s;
 * members 102 at penalty 0 and 103 at penalty 1) and "sales" (ringall, 30 s, no wrap-up; member
 * 101), and the pause reasons Lunch and Break. Created through the hooked client, like the console does.
 */
export async function createQueueTestSetup(db: DbClient, orgId: string, extensions: ReadonlyMap<string, string>) {
  const ext = (n: string) => extensions.get(n) ?? "";
  const member = (n: string, penalty: number) => ({ organizationId: orgId, extensionId: ext(n), interface: `PJSIP/${n}`, penalty });
  const support = await db.queue.create({
    data: {
      organizationId: orgId,
      name: "support",
      number: "601",
      strategy: "rrmemory",
      serviceLevelSeconds: 20,
      wrapUpSeconds: 30,
      members: { create: [member("102", 0), member("103", 1)] }
    }
  });
  const sales = await db.queue.create({
    data: { organizationId: orgId, name: "sales", number: "600", serviceLevelSeconds: 30, members: { create: [member("101", 0)] } }
  });
  await db.pauseReason.createMany({ data: ["Lunch", "Break"].map((label) => ({ organizationId: orgId, label })) });
  return { support, sales };
}
