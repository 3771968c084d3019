import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const e2eDir = path.resolve(here, "..");
const repoRoot = path.resolve(e2eDir, "..");
export const docsImagesDir = path.join(repoRoot, "docs/images");
export const webDir = path.join(repoRoot, "apps/web");
export const realtimeDir = path.join(repoRoot, "apps/realtime");
export const workerDir = path.join(repoRoot, "apps/worker");
export const dbDir = path.join(repoRoot, "packages/db");
/** Git-ignored scratch space: stack description and server logs of the last run. */
const stateDir = path.join(e2eDir, ".auth");
export const logDir = path.join(stateDir, "logs");
export const defaultStackFile = path.join(stateDir, "stack.json");
