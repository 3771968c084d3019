import { fileURLToPath } from "node:url";

export const benchDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const realtimeDir = fileURLToPath(new URL("../../apps/realtime", import.meta.url));
export const resultsDir = fileURLToPath(new URL("../results", import.meta.url));
