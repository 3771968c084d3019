export * from "./domain/common";
export * from "./domain/extension";
export * from "./domain/trunk";
export * from "./events/envelope";
export * from "./events/domain-events";
export * from "./events/presence";
export * from "./socket";
export * from "./api";
