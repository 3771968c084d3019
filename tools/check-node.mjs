// @ts-check
// The first check of `npm start` and `npm test`: it runs on whatever Node.js is installed, so it
// is plain JavaScript with no dependencies and no syntax newer than Node.js 12 understands.
import { existsSync, readFileSync } from "fs";
import path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * @param {string} version e.g. "20.19.0"
 * @returns {number[]}
 */
function parts(version) {
  return version
    .replace(/^v/, "")
    .split(".")
    .map((n) => Number.parseInt(n, 10) || 0)
    .concat([0, 0, 0])
    .slice(0, 3);
}

/**
 * @param {number[]} a
 * @param {number[]} b
 */
function compare(a, b) {
  for (let i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) - (b[i] || 0);
  return 0;
}

/**
 * Whether `version` meets an engines range made of `||` alternatives, each `^x.y.z`, `>=x.y.z` or
 * `x.y.z` (all this repository uses).
 * @param {string} version
 * @param {string} range
 */
export function satisfies(version, range) {
  const v = parts(version);
  return range.split("||").some((alternative) => {
    const term = alternative.trim();
    if (term.startsWith(">=")) return compare(v, parts(term.slice(2))) >= 0;
    if (term.startsWith("^")) {
      const min = parts(term.slice(1));
      return v[0] === min[0] && compare(v, min) >= 0;
    }
    return compare(v, parts(term)) === 0;
  });
}

/**
 * "^20.19.0 || ^22.13.0 || >=24" → "20.19 or newer 20.x, 22.13 or newer 22.x, or 24 and later".
 * @param {string} range
 */
export function describeRange(range) {
  const words = range.split("||").map((alternative) => {
    const term = alternative.trim();
    const [major, minor] = parts(term.replace(/^(>=|\^)/, ""));
    const at = minor ? `${major}.${minor}` : `${major}`;
    if (term.startsWith(">=")) return `${at} and later`;
    if (term.startsWith("^")) return `${at} or newer ${major}.x`;
    return term;
  });
  return words.length > 1 ? `${words.slice(0, -1).join(", ")}, or ${words[words.length - 1]}` : words.join("");
}

/**
 * What stops this checkout from running here, as sentences for a person; empty when nothing does.
 * @param {{ version?: string, root?: string }} [options]
 * @returns {string[]}
 */
export function findNodeProblems(options) {
  const version = (options && options.version) || process.versions.node;
  const dir = (options && options.root) || root;
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const range = manifest.engines && manifest.engines.node;
  const problems = [];
  if (range && !satisfies(version, range)) {
    problems.push(
      `Node.js ${version} (${process.execPath}) is not supported: Switchboard needs Node.js ${describeRange(range)} (engines: "${range}"). ` +
        "Install a supported version (for example `nvm install 22`), then run `npm ci` again."
    );
  } else if (!existsSync(path.join(dir, "node_modules", ".package-lock.json"))) {
    problems.push("The dependencies are not installed: run `npm ci` first.");
  }
  return problems;
}

/**
 * Prints the problems and exits 1 when there are any.
 * @param {string} what the command being started, for the message
 */
export function exitUnlessNodeFits(what) {
  const problems = findNodeProblems();
  if (problems.length === 0) return;
  console.error(`${what} cannot run:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) exitUnlessNodeFits(process.argv[2] || "Switchboard");
