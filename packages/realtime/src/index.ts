export { startEventPipeline } from "./pipeline/start-event-pipeline";
