import type { SessionUser } from "@switchboard/auth";
import type { Role } from "@switchboard/contracts";
import { currentSeq, toEnvelope, type ActingViewer, type Database } from "@switchboard/db";
import { createExtensionRow, createOrganization, createUser } from "@switchboard/db/seed";
import type { SecretBox } from "@switchboard/auth";
import type { ChangeMix } from "../drive/change-mix";
import { seedPageSubjects, type PageSubjects } from "./seed-pages";

export interface SeededOrg {
  id: string;
  /** Acts for every change the writer makes in this organization. */
  admin: ActingViewer;
  extensionIds: string[];
  /** One user per console, in the org's role mix. */
  users: SessionUser[];
  /** The org's seq once seeded: what a console's page would have read. */
  startSeq: number;
  /** Mix "pages": the ticket and the colleague its other changes edit. */
  subjects: PageSubjects | null;
}

export interface SeedPlan {
  orgs: number;
  consoles: number;
  extensionsPerOrg: number;
  /** Target size of one event envelope in bytes (0 = natural size). */
  payloadBytes: number;
  mix: ChangeMix;
}

/**
 * Roles of an organization's consoles: one admin, then a supervisor every tenth, a customer
 * every twentieth (the benchmark's extension changes must never reach customers), agents otherwise.
 */
function roleFor(index: number): Role {
  if (index === 0) return "admin";
  if (index % 20 === 19) return "customer";
  if (index % 10 === 1) return "supervisor";
  return "agent";
}

/** Consoles per organization: as even as possible. */
function consolesPerOrg(plan: Pick<SeedPlan, "orgs" | "consoles">): number[] {
  return Array.from({ length: plan.orgs }, (_, i) => Math.floor(plan.consoles / plan.orgs) + (i < plan.consoles % plan.orgs ? 1 : 0));
}

async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/**
 * Organizations, users and extensions through the seed factories (extension writes go through the
 * hooks); for the "pages" mix also what its ticket and user changes edit (see seedPageSubjects).
 */
export async function seedOrgs(database: Database, box: SecretBox, plan: SeedPlan, onProgress: (done: number) => void): Promise<SeededOrg[]> {
  const db = database.client;
  const counts = consolesPerOrg(plan);
  const orgs: SeededOrg[] = [];
  let done = 0;
  for (const [orgIndex, count] of counts.entries()) {
    const org = await createOrganization(db, { slug: `bench-${orgIndex}-${Date.now().toString(36)}` });
    const users = await inBatches(
      Array.from({ length: Math.max(1, count) }, (_, i) => i),
      25,
      async (i) => {
        const role = roleFor(i);
        const user = await createUser(db, org.id, { role, name: `Bench ${role} ${orgIndex}.${i}`, passwordHash: "bench-user-cannot-sign-in" });
        return { id: user.id, orgId: org.id, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion } satisfies SessionUser;
      }
    );
    const operator = await createUser(db, org.id, { role: "agent", name: "Bench Operator", passwordHash: "bench-user-cannot-sign-in" });
    const extensions = await inBatches(
      Array.from({ length: plan.extensionsPerOrg }, (_, i) => i),
      10,
      (i) => createExtensionRow(db, box, org.id, String(100 + i), { userId: operator.id })
    );
    const first = users[0];
    if (!first) throw new Error("an organization needs its admin");
    const admin = { id: first.id, orgId: org.id, role: first.role, name: first.name };
    const consoleUsers = users.slice(0, count);
    orgs.push({
      id: org.id,
      admin,
      extensionIds: extensions.map((e) => e.id),
      users: consoleUsers,
      startSeq: 0,
      subjects: plan.mix === "pages" ? await seedPageSubjects(db, box, admin, consoleUsers) : null
    });
    if (plan.payloadBytes > 0) await padPayload(database, org.id, operator.id, plan.payloadBytes);
    done += count;
    onProgress(done);
  }
  await refreshStartSeqs(database, orgs);
  return orgs;
}

/** Each organization's seq now: what the page of a console connecting now would have read. */
export async function refreshStartSeqs(database: Database, orgs: SeededOrg[]): Promise<void> {
  for (const org of orgs) org.startSeq = await currentSeq(database.client, org.id);
}

/**
 * Grows the extension events to about `bytes`: the view carries the assigned user's name, so the
 * operator's name is padded (the envelope then has the real shape, just a longer string).
 */
async function padPayload(database: Database, orgId: string, operatorId: string, bytes: number): Promise<void> {
  const sample = await database.raw.outboxEvent.findFirst({ where: { organizationId: orgId }, orderBy: { seq: "desc" } });
  if (!sample) return;
  const natural = JSON.stringify({ ...toEnvelope(sample), type: "extension.updated" }).length;
  const pad = bytes - natural;
  if (pad <= 0) return;
  await database.client.user.update({ where: { id: operatorId }, data: { name: `Bench Operator ${"x".repeat(Math.max(0, pad - 15))}` } });
}
