import { readOrgSnapshot } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { seedOrgs } from "../stack/seed";

/**
 * `npx tsx src/experiments/snapshot-probe.ts <reads> <concurrency> [rounds]`
 *
 * CPU per page snapshot (the organization's seq and its extension list, read in one repeatable-read
 * transaction, as every console page loads) in this process: as `readOrgSnapshot` reads it, as a
 * Prisma interactive transaction would, and with no transaction at all. The variants take turns
 * over the rounds; the first is dropped and each variant's median printed.
 */
const reads = Number(process.argv[2] ?? "2000");
const concurrency = Number(process.argv[3] ?? "4");
const rounds = Math.max(2, Number(process.argv[4] ?? "6"));
const test = await createTestDatabase({ poolSize: 20 });
const orgs = await seedOrgs(test.database, test.box, { orgs: 20, consoles: 20, extensionsPerOrg: 10, payloadBytes: 0, mix: "extensions" }, () => undefined);
const { raw, client } = test.database;

type Reader = Pick<typeof raw, "orgSequence" | "extension">;
const read = async (db: Reader, orgId: string) => {
  const seq = await db.orgSequence.findFirst({ where: { organizationId: orgId } });
  return { seq: Number(seq?.value ?? 0n), extensions: await db.extension.findMany({ where: { organizationId: orgId }, orderBy: { number: "asc" } }) };
};

const variants: Record<string, (orgId: string) => Promise<unknown>> = {
  "no transaction": (orgId) => read(raw, orgId),
  "prisma interactive tx": (orgId) => raw.$transaction((tx) => read(tx, orgId), { isolationLevel: "RepeatableRead" }),
  readOrgSnapshot: (orgId) => readOrgSnapshot(client, orgId, () => client.extension.findMany({ where: { organizationId: orgId }, orderBy: { number: "asc" } }))
};

async function measure(snapshot: (orgId: string) => Promise<unknown>): Promise<number> {
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < reads) {
        const org = orgs[next++ % orgs.length];
        if (org) await snapshot(org.id);
      }
    })
  );
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / reads;
}

const results = new Map<string, number[]>();
for (let round = 0; round < rounds; round++)
  for (const [name, snapshot] of Object.entries(variants)) {
    const cpuUs = await measure(snapshot);
    if (round > 0) results.set(name, [...(results.get(name) ?? []), cpuUs]);
  }
for (const [name, measured] of results) {
  const median = [...measured].sort((a, b) => a - b)[Math.floor(measured.length / 2)] ?? NaN;
  console.log(`${name.padEnd(22)} ${median.toFixed(0).padStart(6)} µs CPU per snapshot`);
}
await test.drop();
