import { hashPassword, type SecretBox } from "@switchboard/auth";
import type { Role } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { seedDemoQueues } from "./demo-queues";
import { seedDemoTickets } from "./demo-tickets";
import { extensionData, trunkData } from "./factories";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_PASSWORD = "switchboard-demo";

export const DEMO_USERS: { name: string; email: string; role: Role }[] = [
  { name: "Ada Admin", email: "admin@demo.test", role: "admin" },
  { name: "Sam Supervisor", email: "supervisor@demo.test", role: "supervisor" },
  { name: "Ana Agent", email: "ana@demo.test", role: "agent" },
  { name: "Bo Agent", email: "bo@demo.test", role: "agent" },
  { name: "Cara Customer", email: "customer@demo.test", role: "customer" }
];

const EXTENSIONS: [number: string, name: string, user?: string][] = [
  ["100", "Reception", "admin@demo.test"],
  ["101", "Sam Supervisor", "supervisor@demo.test"],
  ["102", "Ana Agent", "ana@demo.test"],
  ["103", "Bo Agent", "bo@demo.test"],
  ["104", "Sales desk 1"],
  ["105", "Sales desk 2"],
  ["106", "Support desk 1"],
  ["107", "Support desk 2"],
  ["108", "Warehouse"],
  ["109", "Conference room"],
  ["110", "Lobby phone"],
  ["111", "Night line"]
];

const TRUNKS: [name: string, host: string, channels: number, transport: "udp" | "tls"][] = [
  ["Carrier A", "sip.carrier-a.example.net", 30, "udp"],
  ["Carrier B (backup)", "sip.carrier-b.example.net", 10, "udp"],
  ["SIP provider TLS", "tls.provider.example.net", 20, "tls"]
];

/** Loads the demo organization. Idempotent: what already exists is left as it is. */
export async function seedDemo(db: DbClient, box: SecretBox): Promise<{ created: number }> {
  let created = 0;
  const org =
    (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } })) ??
    (created++, await db.organization.create({ data: { slug: DEMO_ORG_SLUG, name: "Demo Company" } }));

  const userIds = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    const user = existing ?? (created++, await db.user.create({ data: { ...u, organizationId: org.id, passwordHash } }));
    userIds.set(u.email, user.id);
  }

  const haveExt = new Set((await db.extension.findMany({ where: { organizationId: org.id }, select: { number: true } })).map((e) => e.number));
  const newExts = EXTENSIONS.filter(([n]) => !haveExt.has(n)).map(([number, displayName, email]) =>
    extensionData(box, org.id, number, { displayName, userId: email ? (userIds.get(email) ?? null) : null })
  );
  if (newExts.length) created += (await db.extension.createMany({ data: newExts })).count;

  const haveTrunk = new Set((await db.trunk.findMany({ where: { organizationId: org.id }, select: { name: true } })).map((t) => t.name));
  const newTrunks = TRUNKS.filter(([name]) => !haveTrunk.has(name)).map(([name, host, maxChannels, transport]) =>
    trunkData(box, org.id, name, { host, maxChannels, transport, port: transport === "tls" ? 5061 : 5060 })
  );
  if (newTrunks.length) created += (await db.trunk.createMany({ data: newTrunks })).count;
  created += await seedDemoTickets(db, box, org.id);
  created += await seedDemoQueues(db, org.id);
  return { created };
}
