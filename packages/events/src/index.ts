export { type ReadResult, type RetentionPolicy, type EventLog } from "./event-log";
export { MemoryEventLog } from "./memory-event-log";
export { RedisEventLog } from "./redis-event-log";
export { createRelay, type Relay } from "./relay";
