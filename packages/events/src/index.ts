export * from "./event-log";
export * from "./memory-event-log";
export * from "./redis-event-log";
export * from "./relay";
export type { RelayDatabase } from "./relay/prune-published";
