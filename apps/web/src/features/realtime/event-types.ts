import type { DomainEvent, EventType } from "@switchboard/contracts";

/** The event of one type, with that type's data. */
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** Every event type named `<prefix>.…` ("call" → call.started, call.ended, …): a feature's whole family. */
export type EventFamily<P extends string> = Extract<EventType, `${P}.${string}`>;

/** Compiles only for `never`: `NoneLeft<Exclude<EventType, Handled>>` fails, naming each type not handled. */
export type NoneLeft<T extends never> = T;
