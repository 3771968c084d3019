import "server-only";

export { getRuntime, type WebRuntime } from "./web-runtime";
