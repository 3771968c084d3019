import type { DomainEvent } from "@switchboard/contracts";
import type { OutboxEvent } from "@switchboard/db";

/** An outbox row as the envelope consoles receive. */
export function toEnvelope(row: OutboxEvent): DomainEvent {
  return {
    id: row.id,
    orgId: row.organizationId,
    seq: Number(row.seq),
    type: row.type,
    at: row.createdAt.toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
    subject: { kind: row.subjectKind, id: row.subjectId },
    data: row.data
  } as DomainEvent;
}
