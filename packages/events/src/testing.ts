export * from "./testing/free-port";
export * from "./testing/private-redis";
export * from "./testing/wait-for";
export * from "./testing/capture-logger";
