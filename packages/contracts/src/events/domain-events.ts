import { z } from "zod";
import { extensionViewSchema } from "../domain/extension";
import { trunkViewSchema } from "../domain/trunk";
import type { Envelope } from "./envelope";

const deletedSchema = z.object({ id: z.string(), label: z.string() });

/** One zod schema per event type for the envelope's `data`. Later features add theirs here. */
export const eventDataSchemas = {
  "extension.created": extensionViewSchema,
  "extension.updated": extensionViewSchema,
  "extension.deleted": deletedSchema,
  "trunk.created": trunkViewSchema,
  "trunk.updated": trunkViewSchema,
  "trunk.deleted": deletedSchema
} as const;

export type EventType = keyof typeof eventDataSchemas;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;
export type DomainEvent = { [T in EventType]: Envelope<T, EventData<T>> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventDataSchemas, type);
}

/** Validates an event's data against its type's schema; throws with the type and the failing path. */
export function parseEventData<T extends EventType>(type: T, data: unknown): EventData<T> {
  const result = eventDataSchemas[type].safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid ${type} data at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "unknown"}`);
  }
  return result.data as EventData<T>;
}
