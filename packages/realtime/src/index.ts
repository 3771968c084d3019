export { createRealtimeServer, type RealtimeDeps, type RealtimeServer, type RealtimeStats } from "./create-realtime-server";
export type { RealtimeOptions, RealtimeOptionsInput } from "./options";
export type { Readiness } from "./ops/ops-handler";
export type { RealtimeIo, RealtimeSocket } from "./io-types";
export { startEventPipeline, type EventPipeline, type EventPipelineConfig } from "./pipeline/start-event-pipeline";
