import { isWebhookEventType, type DomainEvent } from "@switchboard/contracts";
import { viewEventFor } from "@switchboard/auth";
import { toEnvelope, type DbClient, type OutboxEnvelopeRow, type WebhookEndpoint } from "@switchboard/db";

/**
 * What an endpoint receives of an event: the copy an admin of its organization would see (the same
 * policy as consoles), only for the types it subscribed to; null for anything else.
 */
export function payloadFor(endpoint: Pick<WebhookEndpoint, "id" | "organizationId" | "eventTypes">, event: DomainEvent): DomainEvent | null {
  if (!isWebhookEventType(event.type)) return null;
  if (endpoint.eventTypes.length > 0 && !endpoint.eventTypes.includes(event.type)) return null;
  return viewEventFor({ id: `webhook:${endpoint.id}`, orgId: endpoint.organizationId, role: "admin" }, event);
}

/**
 * The organization's committed events after `afterSeq`, in seq order, read from the outbox. Seqs
 * follow commit order, so every event below a visible one is visible: reading "after my position"
 * never skips a late committer.
 */
export async function readEventsAfter(db: DbClient, orgId: string, afterSeq: bigint, limit: number): Promise<DomainEvent[]> {
  const rows = await db.$queryRawUnsafe<OutboxEnvelopeRow[]>(
    `SELECT id::text AS "id", organization_id::text AS "organizationId", seq, type, actor_id::text AS "actorId", actor_name AS "actorName",
            subject_kind AS "subjectKind", subject_id AS "subjectId", data::text AS "data", created_at AS "createdAt"
       FROM outbox_events WHERE organization_id = $1::uuid AND seq > $2 ORDER BY seq LIMIT $3`,
    orgId,
    afterSeq,
    limit
  );
  return rows.map((row) => toEnvelope({ ...row, data: typeof row.data === "string" ? (JSON.parse(row.data) as unknown) : row.data }));
}

/** One event of the organization by id, if the outbox still holds it. */
export async function readEvent(db: DbClient, orgId: string, eventId: string): Promise<DomainEvent | null> {
  const rows = await db.$queryRawUnsafe<OutboxEnvelopeRow[]>(
    `SELECT id::text AS "id", organization_id::text AS "organizationId", seq, type, actor_id::text AS "actorId", actor_name AS "actorName",
            subject_kind AS "subjectKind", subject_id AS "subjectId", data::text AS "data", created_at AS "createdAt"
       FROM outbox_events WHERE organization_id = $1::uuid AND id = $2::uuid`,
    orgId,
    eventId
  );
  const row = rows[0];
  return row ? toEnvelope({ ...row, data: typeof row.data === "string" ? (JSON.parse(row.data) as unknown) : row.data }) : null;
}
