export * from "./event-log";
export * from "./memory-event-log";
export * from "./to-envelope";
