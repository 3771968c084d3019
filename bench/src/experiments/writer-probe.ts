import { createTestDatabase } from "@switchboard/db/testing";
import { seedOrgs } from "../stack/seed";

/**
 * `npx tsx src/experiments/writer-probe.ts <changes> <concurrency> [variants] [rounds]`
 *
 * The write path alone (no relay, no Redis): CPU per extension update in this process, through
 * the hooked client and through the ways a change and its outbox row could reach PostgreSQL, so
 * the cost of each step shows. Every variant runs `rounds` times (2 unless given), the variants
 * taking turns; the first (cold) round is dropped and the median of the others printed.
 * Variant names as third argument (comma-separated) run only those, e.g. under `node --cpu-prof`.
 */
const changes = Number(process.argv[2] ?? "2000");
const concurrency = Number(process.argv[3] ?? "4");
const only = process.argv[4]?.split(",");
const test = await createTestDatabase({ poolSize: 20 });
const orgs = await seedOrgs(test.database, test.box, { orgs: 20, consoles: 20, extensionsPerOrg: 10, payloadBytes: 0, mix: "extensions" }, () => undefined);
const targets = orgs.flatMap((o) => o.extensionIds.map((id) => ({ id, orgId: o.id })));
const { raw, client } = test.database;
const include = { user: { select: { name: true } } } as const;
// Each extension's status row: an event-bearing model whose updates read nothing before and include nothing.
await raw.extensionStatus.createMany({ data: targets.map((t) => ({ extensionId: t.id, organizationId: t.orgId, changedAt: new Date() })) });

type Tx = Pick<typeof raw, "$queryRawUnsafe">;
/** The hooks' outbox statement in its shape (seq reserved, row inserted, NOTIFY queued), with a fixed payload. */
const outbox = (tx: Tx, orgId: string, payload: unknown) =>
  tx.$queryRawUnsafe(
    `WITH reserved AS (
       INSERT INTO org_sequences (organization_id, value) VALUES ($1::uuid, 1)
       ON CONFLICT (organization_id) DO UPDATE SET value = org_sequences.value + 1 RETURNING value
     ), notified AS (SELECT pg_notify('switchboard_outbox_probe', $1::text))
     INSERT INTO outbox_events (id, organization_id, seq, type, subject_kind, subject_id, data)
     SELECT gen_random_uuid(), $1::uuid, reserved.value, 'extension.updated', 'extension', $2, $3::jsonb FROM reserved, notified
     RETURNING seq`,
    orgId,
    "probe",
    JSON.stringify(payload)
  );

type Target = (typeof targets)[number];
const variants: Record<string, (t: Target, n: number) => Promise<unknown>> = {
  /** What the target compares with: a plain Prisma update, no transaction, no event. */
  plain: (t, n) => raw.extension.update({ where: { id: t.id }, data: { displayName: `probe ${n}` } }),
  /** The floor of one statement: the same update as raw SQL. */
  "raw sql": (t, n) => raw.$executeRawUnsafe(`UPDATE extensions SET display_name = $1, updated_at = now() WHERE id = $2::uuid`, `probe ${n}`, t.id),
  /** Prisma's interactive transaction around the plain update: BEGIN, UPDATE, COMMIT. */
  "itx update": (t, n) => raw.$transaction((tx) => tx.extension.update({ where: { id: t.id }, data: { displayName: `probe ${n}` } })),
  /** A batch transaction of the update and an outbox row (possible only with the payload known before the write). */
  "batch update+outbox": (t, n) =>
    raw.$transaction([raw.extension.update({ where: { id: t.id }, data: { displayName: `probe ${n}` } }), outbox(raw, t.orgId, { n })]),
  /** An interactive transaction with what the hooks do, written by hand: read before (with the view's relation), update, outbox row. */
  "itx read+update+outbox": (t, n) =>
    raw.$transaction(async (tx) => {
      const before = await tx.extension.findUnique({ where: { id: t.id }, include });
      const row = await tx.extension.update({ where: { id: t.id }, data: { displayName: `probe ${n}` } });
      await outbox(tx, t.orgId, { before: before?.displayName, after: row.displayName });
    }),
  /** The same three statements with no transaction at all: what the hooks' calls cost Prisma outside one. */
  "read+update+outbox": async (t, n) => {
    const before = await raw.extension.findUnique({ where: { id: t.id }, include });
    const row = await raw.extension.update({ where: { id: t.id }, data: { displayName: `probe ${n}` } });
    await outbox(raw, t.orgId, { before: before?.displayName, after: row.displayName });
  },
  /**
   * One round trip: the update, its seq and its outbox row in one statement, the payload built by
   * PostgreSQL from the updated row. The floor for events made in SQL, not by the hooks' views.
   */
  "one statement": (t, n) =>
    raw.$queryRawUnsafe(
      `WITH updated AS (
         UPDATE extensions SET display_name = $1, updated_at = now() WHERE id = $2::uuid RETURNING *
       ), reserved AS (
         INSERT INTO org_sequences (organization_id, value) SELECT organization_id, 1 FROM updated
         ON CONFLICT (organization_id) DO UPDATE SET value = org_sequences.value + 1 RETURNING organization_id, value
       )
       INSERT INTO outbox_events (id, organization_id, seq, type, subject_kind, subject_id, data)
       SELECT gen_random_uuid(), reserved.organization_id, reserved.value, 'extension.updated', 'extension', updated.id::text,
              jsonb_build_object('id', updated.id, 'number', updated.number, 'displayName', updated.display_name)
         FROM updated, reserved
       RETURNING seq`,
      `probe ${n}`,
      t.id
    ),
  /** Today's path: the hooked client (read before, update, outbox row with COMMIT, in a transaction of the adapter's own). */
  hooked: (t, n) => client.extension.update({ where: { id: t.id }, data: { displayName: `probe ${n}` } }),
  /** A plain update of the extension's status row: what "hooked status" compares with. */
  "plain status": (t, n) => raw.extensionStatus.update({ where: { extensionId: t.id }, data: { contact: `sip:${n}@probe`, changedAt: new Date() } }),
  /** A hooked write with no read before and no relation: the transaction, the second round trip (outbox rows + COMMIT) and the event alone. */
  "hooked status": (t, n) => client.extensionStatus.update({ where: { extensionId: t.id }, data: { contact: `sip:${n}@probe`, changedAt: new Date() } }),
  /** A service's transaction as PBX ingestion makes one (`status-store.ts`): read the status, then write it. */
  "service tx": (t, n) =>
    client.$transaction(async (tx) => {
      await tx.extensionStatus.findUnique({ where: { extensionId: t.id } });
      await tx.extensionStatus.update({ where: { extensionId: t.id }, data: { contact: `sip:${n}@probe`, changedAt: new Date() } });
    })
};

async function measure(update: (t: Target, n: number) => Promise<unknown>): Promise<{ cpuUs: number; perSecond: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < changes) {
        const n = next++;
        const target = targets[n % targets.length];
        if (target) await update(target, n);
      }
    })
  );
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / changes, perSecond: (changes / (performance.now() - started)) * 1000 };
}

const chosen = Object.entries(variants).filter(([name]) => !only || only.includes(name));
if (chosen.length === 0) throw new Error(`unknown variants "${only?.join(",")}"; one of: ${Object.keys(variants).join(", ")}`);
const rounds = Math.max(2, Number(process.argv[5] ?? "2"));
const results = new Map<string, { cpuUs: number; perSecond: number }[]>(chosen.map(([name]) => [name, []]));
// Rounds alternate the variants, so a drift in the machine's pace reaches all of them alike; the
// first (cold) round is left out and each variant's median round is printed.
for (let round = 0; round < rounds; round++)
  for (const [name, update] of chosen) {
    const measured = await measure(update);
    if (round > 0) results.get(name)?.push(measured);
  }
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const plainRounds = results.get("plain")?.map((r) => r.cpuUs);
for (const [name, measured] of results) {
  const cpuUs = median(measured.map((r) => r.cpuUs));
  // The ratio of each round to plain's same round, then their median: pairs taken minutes apart would mix paces.
  const ratios = plainRounds ? measured.map((r, i) => r.cpuUs / (plainRounds[i] ?? NaN)) : [];
  const ratio = ratios.length > 0 ? ` ${median(ratios).toFixed(2)}× plain` : "";
  console.log(
    `${name.padEnd(22)} ${cpuUs.toFixed(0).padStart(6)} µs CPU/change${ratio.padEnd(14)} ${median(measured.map((r) => r.perSecond)).toFixed(0)} changes/s`
  );
}
await test.drop();
