import { familyOfEvent, type EventType, type FamilyOf, type Topic, type TopicFamily } from "@switchboard/contracts";
import type { EntityKind } from "./apply-entity-events";

/** `L` when it names exactly the families of `T`; otherwise a type naming what is missing or extra. */
type ExactFamilies<T extends EventType, L extends readonly TopicFamily[]> = [Exclude<FamilyOf<T>, L[number]>] extends [never]
  ? [Exclude<L[number], FamilyOf<T>>] extends [never]
    ? L
    : { extraFamily: Exclude<L[number], FamilyOf<T>> }
  : { missingFamily: Exclude<FamilyOf<T>, L[number]> };

/**
 * The topics a view applying the event types `T` follows, checked against them: leaving out a
 * family of `T`, or naming one `T` has no type of, fails to compile, naming it.
 *
 *     export const TICKET_TOPICS = familiesFor<TicketEventType>()(["tickets"]);
 */
export function familiesFor<T extends EventType>() {
  return <const L extends readonly TopicFamily[]>(families: L & ExactFamilies<T, L>): readonly Topic[] => families;
}

/** The family of an entity kind's events (extension → extensions, pause_reason → queues). */
export function familyOfKind(kind: EntityKind): TopicFamily {
  return familyOfEvent(`${kind}.created`);
}

/** A stable identity for a list of topics (hooks depend on it, not on the array). */
export function topicsKey(topics: readonly Topic[]): string {
  return [...new Set(topics)].sort().join(" ");
}

export function topicsOfKey(key: string): Topic[] {
  return key === "" ? [] : (key.split(" ") as Topic[]);
}
