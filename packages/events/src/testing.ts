export { findFreePort } from "./testing/free-port";
export { startPrivateRedis, type PrivateRedis } from "./testing/private-redis";
export { waitFor } from "./testing/wait-for";
export { captureLogger } from "./testing/capture-logger";
