import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: the nearest ancestor of `from` holding turbo.json. */
export function findRepoRoot(from: string = here): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, "turbo.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(here, "../../..");
    dir = parent;
  }
}
