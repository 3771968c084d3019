import type { DomainEvent, EventType } from "@switchboard/contracts";

export type EntityKind = "extension" | "trunk" | "office" | "pause_reason";

const VERBS = ["created", "updated", "deleted"] as const;

/** The event types entity lists apply: an entity's own CRUD events. */
export type EntityChangeType = Extract<EventType, `${EntityKind}.${(typeof VERBS)[number]}`>;

/** Only an entity's own CRUD events carry its full view; e.g. status events carry something else. */
function isEntityChange(event: DomainEvent, kind: EntityKind): boolean {
  return (VERBS as readonly string[]).some((verb) => event.type === `${kind}.${verb}`);
}

/**
 * Patches a list snapshot with the events that followed it: created/updated replace the row with
 * the event's state (an update for a row we lack inserts it), deleted removes it. Rows keep their
 * identity and order, so React updates them in place; sorting and filtering happen in the table.
 * `merge` keeps what a row has beyond the event's state (e.g. counts read with the page).
 */
export function applyEntityEvents<T extends { id: string }>(
  rows: readonly T[],
  events: readonly DomainEvent[],
  kind: EntityKind,
  merge: (previous: T | undefined, state: T) => T = (_previous, state) => state
): T[] {
  const relevant = events.filter((event) => isEntityChange(event, kind));
  if (relevant.length === 0) return rows as T[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const event of relevant) {
    if (event.type.endsWith(".deleted")) byId.delete(event.subject.id);
    else byId.set(event.subject.id, merge(byId.get(event.subject.id), event.data as unknown as T));
  }
  return [...byId.values()];
}

/** Whether any event created, changed or deleted an entity of the given kinds. */
export function touchesKinds(events: readonly DomainEvent[], kinds: readonly EntityKind[]): boolean {
  return events.some((event) => kinds.some((kind) => isEntityChange(event, kind)));
}
