import { randomUUID } from "node:crypto";
import type { EventData, EventType } from "@switchboard/contracts";
import { currentActor, type TxContext } from "./context";
import { eventTypeOf, recordsChanges, type EventBearing, type Verb } from "./event-model";
import { changedFields } from "./field-changes";
import { OUTBOX_CHANNEL } from "./outbox-listener";

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
export async function writeEvents<Row extends { id: string }>(
  ctx: TxContext,
  model: EventBearing<Row>,
  verb: Verb,
  rows: readonly Row[],
  befores: readonly Row[] = []
): Promise<void> {
  if (rows.length === 0) return;
  const actor = currentActor();
  const previous = new Map(befores.map((b) => [b.id, b]));
  const byOrg = new Map<string, { row: Row; type: EventType }[]>();
  const payloadOf = (row: Row, type: EventType): EventData<EventType> => {
    const before = previous.get(row.id);
    const view = model.view(row);
    if (verb !== "updated" || !recordsChanges(model, type) || !before) return view;
    return { ...view, changes: changedFields(model.view(before), view) } as EventData<EventType>;
  };
  for (const row of rows) {
    const type = eventTypeOf(model, verb, previous.get(row.id) ?? null, row);
    if (type === null) continue;
    const orgId = model.orgId(row);
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), { row, type }]);
  }
  for (const [orgId, orgRows] of byOrg) {
    const data = orgRows.map(({ row, type }, i): EventRow => {
      const subjectId = model.subjectId ? model.subjectId(row) : row.id;
      const payload = verb === "deleted" && model.deleted ? { id: subjectId, label: model.deleted.label(row) } : payloadOf(row, type);
      return { ord: i + 1, id: randomUUID(), type, subject_id: subjectId, data: payload };
    });
    const seqs = await insertEvents(ctx, orgId, model.kind, actor, data);
    for (const e of data) {
      const seq = seqs.get(e.id);
      if (seq === undefined) throw new Error("could not reserve event sequence numbers");
      ctx.events.push({ id: e.id, orgId, seq, type: e.type, subjectKind: model.kind, subjectId: e.subject_id });
    }
  }
}

interface EventRow {
  ord: number;
  id: string;
  type: EventType;
  subject_id: string;
  data: EventData<EventType>;
}

/**
 * Reserves `rows.length` seqs from the organization's counter row, inserts the outbox rows and
 * queues the NOTIFY that wakes relays once this transaction commits, in one statement: the hooks'
 * cost per change is dominated by round trips through the Prisma client, and this was two of them
 * (plus createMany's query planning). The rows travel as one JSON parameter; seq = first reserved
 * + position.
 */
async function insertEvents(
  ctx: TxContext,
  orgId: string,
  subjectKind: string,
  actor: ReturnType<typeof currentActor>,
  rows: EventRow[]
): Promise<Map<string, number>> {
  const inserted = await ctx.tx.$queryRawUnsafe<{ id: string; seq: bigint | number }[]>(
    `WITH reserved AS (
       INSERT INTO org_sequences (organization_id, value) VALUES ($1::uuid, $2)
       ON CONFLICT (organization_id) DO UPDATE SET value = org_sequences.value + EXCLUDED.value
       RETURNING value
     ),
     notified AS (SELECT pg_notify('${OUTBOX_CHANNEL}', $1::text))
     INSERT INTO outbox_events (id, organization_id, seq, type, actor_id, actor_name, subject_kind, subject_id, data)
     SELECT e.id, $1::uuid, reserved.value - $2 + e.ord, e.type, $3::uuid, $4, $5, e.subject_id, e.data
       FROM reserved, notified, jsonb_to_recordset($6::jsonb) AS e(ord int, id uuid, type text, subject_id text, data jsonb)
      ORDER BY e.ord
     RETURNING id::text AS id, seq`,
    orgId,
    rows.length,
    actor?.id ?? null,
    actor?.name ?? null,
    subjectKind,
    JSON.stringify(rows)
  );
  return new Map(inserted.map((r) => [r.id, Number(r.seq)]));
}
