import { randomUUID } from "node:crypto";
import { currentActor, type TxContext } from "./context";
import type { EventModel } from "./event-models";

export interface PendingEvent {
  id: string;
  orgId: string;
  seq: number;
  type: string;
  subjectKind: string;
  subjectId: string;
}

type Verb = "created" | "updated" | "deleted";

/**
 * Writes one outbox row per changed row, in the caller's transaction. `seq` comes from the
 * organization's counter row, incremented (and so locked) here until commit: a later transaction
 * of the same organization waits for this one, so seq order is commit order.
 */
export async function writeEvents(ctx: TxContext, model: EventModel<never>, verb: Verb, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const actor = currentActor();
  const byOrg = new Map<string, object[]>();
  for (const row of rows) {
    const orgId = model.orgId(row as never);
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), row]);
  }
  for (const [orgId, orgRows] of byOrg) {
    const last = await reserveSeqs(ctx, orgId, orgRows.length);
    const first = last - orgRows.length + 1;
    const data = orgRows.map((row, i) => {
      const typed = row as never;
      const subjectId = (row as { id: string }).id;
      return {
        id: randomUUID(),
        organizationId: orgId,
        seq: BigInt(first + i),
        type: model.types[verb],
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        subjectKind: model.kind,
        subjectId,
        data: (verb === "deleted" ? { id: subjectId, label: model.label(typed) } : model.view(typed)) as object
      };
    });
    await (ctx.tx.outboxEvent as { createMany(args: unknown): Promise<unknown> }).createMany({ data });
    for (const e of data) {
      ctx.events.push({ id: e.id, orgId, seq: Number(e.seq), type: e.type, subjectKind: e.subjectKind, subjectId: e.subjectId });
    }
  }
}

async function reserveSeqs(ctx: TxContext, orgId: string, count: number): Promise<number> {
  const rows = await ctx.tx.$queryRawUnsafe<{ value: bigint }[]>(
    `INSERT INTO org_sequences (organization_id, value) VALUES ($1::uuid, $2)
     ON CONFLICT (organization_id) DO UPDATE SET value = org_sequences.value + EXCLUDED.value
     RETURNING value`,
    orgId,
    count
  );
  const value = rows[0]?.value;
  if (value === undefined) throw new Error("could not reserve event sequence numbers");
  return Number(value);
}
