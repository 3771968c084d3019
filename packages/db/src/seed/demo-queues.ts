import type { QueueStrategy } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";

const DEMO_PAUSE_REASONS = ["Lunch", "Break", "Meeting", "Training", "Back office"];

const QUEUES: { name: string; number: string; strategy: QueueStrategy; serviceLevelSeconds: number; wrapUpSeconds: number; members: [string, number][] }[] = [
  {
    name: "sales",
    number: "600",
    strategy: "rrmemory",
    serviceLevelSeconds: 30,
    wrapUpSeconds: 10,
    members: [
      ["104", 0],
      ["105", 0],
      ["102", 1]
    ]
  },
  {
    name: "support",
    number: "601",
    strategy: "leastrecent",
    serviceLevelSeconds: 20,
    wrapUpSeconds: 15,
    members: [
      ["102", 0],
      ["103", 0],
      ["106", 1],
      ["107", 1]
    ]
  }
];

/** The demo organization's call center: two queues with agents (Ana and Bo among them) and pause reasons. Idempotent. */
export async function seedDemoQueues(db: DbClient, orgId: string): Promise<number> {
  let created = 0;
  const extensions = await db.extension.findMany({ where: { organizationId: orgId }, select: { id: true, number: true, sipUsername: true } });
  const byNumber = new Map(extensions.map((e) => [e.number, e]));
  for (const q of QUEUES) {
    if (await db.queue.findUnique({ where: { organizationId_name: { organizationId: orgId, name: q.name } }, select: { id: true } })) continue;
    const { members, ...fields } = q;
    await db.queue.create({
      data: {
        ...fields,
        organizationId: orgId,
        members: {
          create: members.flatMap(([number, penalty]) => {
            const ext = byNumber.get(number);
            return ext ? [{ organizationId: orgId, extensionId: ext.id, penalty, interface: `PJSIP/${ext.sipUsername}` }] : [];
          })
        }
      }
    });
    created++;
  }
  const have = new Set((await db.pauseReason.findMany({ where: { organizationId: orgId }, select: { label: true } })).map((r) => r.label));
  const missing = DEMO_PAUSE_REASONS.filter((label) => !have.has(label));
  if (missing.length) created += (await db.pauseReason.createMany({ data: missing.map((label) => ({ organizationId: orgId, label })) })).count;
  return created;
}
