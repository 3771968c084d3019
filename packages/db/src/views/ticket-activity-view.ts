import type { TicketActivityView } from "@switchboard/contracts";
import type { TicketActivity } from "../generated/prisma/client";

export type TicketActivityRow = TicketActivity & { actor?: { name: string } | null };

export function toTicketActivityView(row: TicketActivityRow): TicketActivityView {
  return {
    id: row.id.toString(),
    ticketId: row.ticketId,
    kind: row.kind,
    actorId: row.actorId,
    actorName: row.actorId ? (row.actor?.name ?? null) : null,
    from: row.fromValue,
    to: row.toValue,
    fromLabel: row.fromLabel,
    toLabel: row.toLabel,
    internal: row.internal,
    createdAt: row.createdAt.toISOString()
  };
}
