import { randomUUID } from "node:crypto";
import type { EventData, EventType } from "@switchboard/contracts";
import { currentActor, type TxContext } from "./context";
import { eventTypeOf, recordsChanges, type EventBearing, type Verb } from "./event-model";
import { changedFields } from "./field-changes";
import type { InsertedRow } from "./outbox-batch";

/**
 * Queues one outbox row per changed row in the caller's transaction, inserted at its end (see
 * `OutboxBatch`). `befores` are the rows as they were before an update (matched by id), for models
 * that name events by state transition; rows whose model names no event for this write are skipped.
 */
export function writeEvents<Row extends { id: string }>(
  ctx: TxContext,
  model: EventBearing<Row>,
  verb: Verb,
  rows: readonly Row[],
  befores: readonly Row[] = []
): void {
  if (rows.length === 0) return;
  const actor = currentActor();
  const previous = new Map(befores.map((b) => [b.id, b]));
  const payloadOf = (row: Row, type: EventType): EventData<EventType> => {
    if (verb === "deleted" && model.deleted) return { id: subjectOf(row), label: model.deleted.label(row) } as EventData<EventType>;
    const before = previous.get(row.id);
    const view = model.view(row);
    if (verb !== "updated" || !recordsChanges(model, type) || !before) return view;
    return { ...view, changes: changedFields(model.view(before), view) } as EventData<EventType>;
  };
  const subjectOf = (row: Row) => (model.subjectId ? model.subjectId(row) : row.id);
  for (const row of rows) {
    const type = eventTypeOf(model, verb, previous.get(row.id) ?? null, row);
    if (type === null) continue;
    ctx.outbox.queued.push({
      orgId: model.orgId(row),
      id: randomUUID(),
      type,
      subjectKind: model.kind,
      subjectId: subjectOf(row),
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      data: payloadOf(row, type)
    });
  }
}

/**
 * Inserts the transaction's queued rows as its last statement, unless its COMMIT carries them
 * (the pg adapter's transactions: `serial-transactions.ts`).
 */
export async function insertQueuedEvents(ctx: TxContext): Promise<void> {
  if (ctx.outbox.insertedWithCommit) return;
  const statement = ctx.outbox.insertStatement();
  if (!statement) return;
  ctx.outbox.inserted(await ctx.tx.$queryRawUnsafe<InsertedRow[]>(statement.sql, statement.rows));
}
