import type { DomainEvent } from "@switchboard/contracts";
import type { OutboxEvent } from "../generated/prisma/client";

/** An outbox row as Prisma reads it, or as raw SQL does (seq as a number, created_at as text). */
export type OutboxEnvelopeRow = Pick<OutboxEvent, "id" | "organizationId" | "type" | "actorId" | "actorName" | "subjectKind" | "subjectId"> & {
  seq: bigint | number;
  createdAt: Date | string;
  data: unknown;
};

/**
 * An outbox row as the envelope consoles receive: the one mapping, for the relay and for every
 * reader of the outbox. The rows are written only by the hooks, whose event models type each
 * event's data as its type's (contracts' eventDataSchemas), so the row is trusted as a DomainEvent.
 */
export function toEnvelope(row: OutboxEnvelopeRow): DomainEvent {
  return {
    id: row.id,
    orgId: row.organizationId,
    seq: Number(row.seq),
    type: row.type,
    at: (row.createdAt instanceof Date ? row.createdAt : new Date(row.createdAt)).toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
    subject: { kind: row.subjectKind, id: row.subjectId },
    data: row.data
  } as DomainEvent;
}
