import { randomUUID } from "node:crypto";
import { currentActor, type TxContext } from "./context";
import type { EventModel, Verb } from "./event-models";

export interface PendingEvent {
  id: string;
  orgId: string;
  seq: number;
  type: string;
  subjectKind: string;
  subjectId: string;
}

/**
 * Writes one outbox row per changed row, in the caller's transaction. `befores` are the rows as
 * they were before an update (matched by id), for models that name events by state transition;
 * rows whose model names no event for this write are skipped. `seq` comes from the
 * organization's counter row, incremented (and so locked) here until commit: a later transaction
 * of the same organization waits for this one, so seq order is commit order.
 */
export async function writeEvents(
  ctx: TxContext,
  model: EventModel<never>,
  verb: Verb,
  rows: readonly object[],
  befores: readonly object[] = []
): Promise<void> {
  if (rows.length === 0) return;
  const actor = currentActor();
  const previous = new Map(befores.map((b) => [(b as { id: string }).id, b]));
  const byOrg = new Map<string, { row: object; type: string }[]>();
  for (const row of rows) {
    const typed = row as never;
    const type = model.eventType ? model.eventType(verb, (previous.get((row as { id: string }).id) ?? null) as never, typed) : model.types[verb];
    if (type === null) continue;
    const orgId = model.orgId(typed);
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), { row, type }]);
  }
  for (const [orgId, orgRows] of byOrg) {
    const last = await reserveSeqs(ctx, orgId, orgRows.length);
    const first = last - orgRows.length + 1;
    const data = orgRows.map(({ row, type }, i) => {
      const typed = row as never;
      const subjectId = model.subjectId ? model.subjectId(typed) : (row as { id: string }).id;
      return {
        id: randomUUID(),
        organizationId: orgId,
        seq: BigInt(first + i),
        type,
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
