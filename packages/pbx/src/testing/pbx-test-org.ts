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
