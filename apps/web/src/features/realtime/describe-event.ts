import type { DomainEvent, EventType, FieldChanges } from "@switchboard/contracts";
import { describeFieldChanges, type FieldWordings, type Pronoun } from "./describe-field-changes";
import type { EventOf } from "./event-types";

/**
 * The toast for one event type: a function (returning null when this event is not worth one), or
 * null for a type that never makes one (progress and status changes would only be noise).
 */
type Describer<T extends EventType> = ((event: EventOf<T>) => string | null) | null;

/** Describers keyed by event type; every type in `T` must have one. Features export theirs for their own types. */
export type EventDescribers<T extends EventType = EventType> = { [K in T]: Describer<K> };

/** The toast's text for an event, by the describer registered for its type; null for no toast. */
export function describeEvent(describers: Partial<EventDescribers>, event: DomainEvent): string | null {
  // Indexed by the event's own type, so the describer takes exactly this event.
  const describe = describers[event.type] as ((event: DomainEvent) => string | null) | null | undefined;
  return describe ? describe(event) : null;
}

/** Who made a change, as a toast names them. */
export function actorName(event: DomainEvent): string {
  return event.actor?.name || "The system";
}

type ChangeType = Extract<EventType, `${string}.${"created" | "updated" | "deleted"}`>;

/** "Ada Admin created extension 104": a configuration change, told by its verb. */
export function describeChange(event: EventOf<ChangeType>, subject: string): string {
  const verb = event.type.slice(event.type.indexOf(".") + 1);
  return `${actorName(event)} ${verb} ${subject}`;
}

/**
 * "Ada Admin renamed extension 104 to Sales desk 1 and disabled it": an update told by the fields it
 * changed; "Ada Admin updated extension 104" when the event does not say (or only unworded fields changed).
 */
export function describeUpdate(
  event: DomainEvent & { data: { changes?: FieldChanges } },
  subject: string,
  wordings: FieldWordings,
  pronoun: Pronoun = "it"
): string {
  return `${actorName(event)} ${describeFieldChanges(subject, event.data.changes, wordings, pronoun) ?? `updated ${subject}`}`;
}

/** Toasts are for changes made by someone else; one's own (from any tab) stay quiet. */
export function isOwnEvent(event: DomainEvent, userId: string): boolean {
  return event.actor?.id === userId;
}
