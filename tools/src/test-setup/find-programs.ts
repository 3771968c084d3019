import { accessSync, constants, existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { ToolsEnv } from "../env";

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `name` on the PATH, as `command -v` finds it. */
export function findOnPath(name: string, pathValue: string): string | undefined {
  for (const dir of pathValue.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutableFile(file)) return file;
  }
  return undefined;
}

/** Sub-folders of `parent` whose names match, highest version first (postgresql/16 before 15). */
function versionedDirs(parent: string, match: RegExp, suffix: string): string[] {
  if (!existsSync(parent)) return [];
  const version = (name: string) => Number.parseFloat(name.replace(/^\D*/, "")) || 0;
  return readdirSync(parent)
    .filter((name) => match.test(name))
    .sort((a, b) => version(b) - version(a))
    .map((name) => path.join(parent, name, suffix));
}

/**
 * Where package managers put PostgreSQL's server programs without linking them onto the PATH:
 * Debian/Ubuntu's versioned folders, Homebrew's keg-only formulas, Postgres.app.
 */
export function postgresBinDirCandidates(): string[] {
  return [
    ...versionedDirs("/usr/lib/postgresql", /^\d+(\.\d+)?$/, "bin"),
    ...["/opt/homebrew/opt", "/usr/local/opt"].flatMap((opt) => versionedDirs(opt, /^postgresql(@\d+)?$/, "bin")),
    "/Applications/Postgres.app/Contents/Versions/latest/bin"
  ];
}

const hasPostgresServer = (dir: string) => isExecutableFile(path.join(dir, "initdb")) && isExecutableFile(path.join(dir, "postgres"));

/** The folder holding initdb and postgres (what a private server needs), or undefined. */
export function findPostgresBinDir(env: Pick<ToolsEnv, "pgBinDir" | "path">, candidates = postgresBinDirCandidates()): string | undefined {
  if (env.pgBinDir) return hasPostgresServer(env.pgBinDir) ? env.pgBinDir : undefined;
  const initdb = findOnPath("initdb", env.path);
  // initdb finds postgres beside its real file, so follow a symlink to where both live.
  const fromPath = initdb ? path.dirname(realpathSync(initdb)) : undefined;
  return [fromPath, ...candidates].find((dir): dir is string => dir !== undefined && hasPostgresServer(dir));
}

export function findRedisServer(env: Pick<ToolsEnv, "redisServerBin" | "path">): string | undefined {
  if (env.redisServerBin) return isExecutableFile(env.redisServerBin) ? env.redisServerBin : undefined;
  return findOnPath("redis-server", env.path);
}

const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];
const CHROMIUM_PLACES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
];

/** A Chromium (or Chrome) Playwright can drive: CHROMIUM_PATH, else the PATH, else the usual places. */
export function findChromium(env: Pick<ToolsEnv, "chromiumPath" | "path">, places = CHROMIUM_PLACES): string | undefined {
  if (env.chromiumPath) return isExecutableFile(env.chromiumPath) ? env.chromiumPath : undefined;
  for (const name of CHROMIUM_NAMES) {
    const found = findOnPath(name, env.path);
    if (found) return found;
  }
  return places.find(isExecutableFile);
}
