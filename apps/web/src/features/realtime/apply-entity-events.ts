import type { DomainEvent } from "@switchboard/contracts";

export type EntityKind = "extension" | "trunk";

/**
 * Patches a list snapshot with the events that followed it: created/updated replace the row with
 * the event's state (an update for a row we lack inserts it), deleted removes it. Rows keep their
 * identity and order, so React updates them in place; sorting and filtering happen in the table.
 */
export function applyEntityEvents<T extends { id: string }>(rows: readonly T[], events: readonly DomainEvent[], kind: EntityKind): T[] {
  const relevant = events.filter((event) => event.subject.kind === kind);
  if (relevant.length === 0) return rows as T[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const event of relevant) {
    if (event.type.endsWith(".deleted")) byId.delete(event.subject.id);
    else byId.set(event.subject.id, event.data as unknown as T);
  }
  return [...byId.values()];
}

/** Whether any event concerns one of the given kinds (e.g. to refresh dashboard counts). */
export function touchesKinds(events: readonly DomainEvent[], kinds: readonly EntityKind[]): boolean {
  return events.some((event) => (kinds as readonly string[]).includes(event.subject.kind));
}
