import { createTestDatabase } from "@switchboard/db/testing";
import { seedOrgs } from "../stack/seed";

/**
 * `npx tsx src/experiments/writer-probe.ts <changes> <concurrency> [hooked]`
 *
 * The CRUD hooks alone (no relay, no Redis): CPU per hooked extension update, next to the same
 * update through the unhooked client, so the cost of the hooks themselves shows.
 */
const changes = Number(process.argv[2] ?? "2000");
const concurrency = Number(process.argv[3] ?? "4");
const test = await createTestDatabase({ poolSize: 20 });
const orgs = await seedOrgs(test.database, test.box, { orgs: 20, consoles: 20, extensionsPerOrg: 10, payloadBytes: 0, mix: "extensions" }, () => undefined);
const extensionIds = orgs.flatMap((o) => o.extensionIds);

async function measure(label: string, update: (id: string, n: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await update(extensionIds[i % extensionIds.length] ?? "", i);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < changes) {
        const n = next++;
        await update(extensionIds[n % extensionIds.length] ?? "", n);
      }
    })
  );
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  console.log(
    `${label.padEnd(10)} ${(((used.user + used.system) / 1000 / changes) * 1000).toFixed(0).padStart(6)} µs CPU/change  ${((changes / ms) * 1000).toFixed(0)} changes/s`
  );
}

// A third argument "hooked" measures only the hooked update (e.g. under --cpu-prof).
const only = process.argv[4] === "hooked";
if (!only) await measure("unhooked", (id, n) => test.database.raw.extension.update({ where: { id }, data: { displayName: `probe ${n}` } }));
if (!only)
  await measure("raw tx", (id, n) => test.database.raw.$transaction((tx) => tx.extension.update({ where: { id }, data: { displayName: `probe ${n}` } })));
if (!only)
  await measure("raw+incl", (id, n) =>
    test.database.raw.extension.update({ where: { id }, data: { displayName: `probe ${n}` }, include: { user: { select: { name: true } } } })
  );
await measure("hooked", (id, n) => test.database.client.extension.update({ where: { id }, data: { displayName: `probe ${n}` } }));
await test.drop();
