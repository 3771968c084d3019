export { createRealtimeServer, type RealtimeDeps, type RealtimeServer } from "./create-realtime-server";
export type { RealtimeOptions, RealtimeOptionsInput } from "./options";
export type { Readiness } from "./ops/ops-handler";
export type { RealtimeIo, RealtimeSocket } from "./io-types";
