import { existsSync, readFileSync } from "node:fs";

export type Need = "postgresql" | "redis" | "chromium";

export interface Missing {
  need: Need;
  /** What was looked for and not found, in words. */
  detail: string;
}

export interface Platform {
  family: "debian" | "ubuntu" | "macos" | "other";
  root: boolean;
}

const NAMES: Record<Need, string> = { postgresql: "PostgreSQL", redis: "Redis", chromium: "Chromium" };
const ORDER: Need[] = ["postgresql", "redis", "chromium"];
const inOrder = <T>(items: T[], need: (item: T) => Need) => [...items].sort((a, b) => ORDER.indexOf(need(a)) - ORDER.indexOf(need(b)));

/** Which package gives each need, per package manager; Ubuntu's Chromium is the snap-backed package. */
const PACKAGES: Record<Exclude<Platform["family"], "other">, Record<Need, string>> = {
  debian: { postgresql: "postgresql", redis: "redis-server", chromium: "chromium" },
  ubuntu: { postgresql: "postgresql", redis: "redis-server", chromium: "chromium-browser" },
  // Homebrew: formulas, except the browser, a cask (Chrome: Homebrew's Chromium cask is not signed).
  macos: { postgresql: "postgresql@17", redis: "redis", chromium: "google-chrome" }
};

export function detectPlatform(): Platform {
  const root = process.getuid?.() === 0;
  if (process.platform === "darwin") return { family: "macos", root };
  if (process.platform !== "linux" || !existsSync("/etc/os-release")) return { family: "other", root };
  const release = readFileSync("/etc/os-release", "utf8");
  const field = (key: string) => new RegExp(`^${key}="?([^"\\n]*)`, "m").exec(release)?.[1]?.toLowerCase() ?? "";
  const ids = `${field("ID")} ${field("ID_LIKE")}`.split(/\s+/);
  if (ids.includes("ubuntu")) return { family: "ubuntu", root };
  if (ids.includes("debian")) return { family: "debian", root };
  return { family: "other", root };
}

/** The commands that install `needs`, each an argv; empty where the package manager is unknown. */
export function installSteps(needs: Need[], platform: Platform, options: { refresh?: boolean } = {}): string[][] {
  const unique = inOrder([...new Set(needs)], (n) => n);
  if (unique.length === 0 || platform.family === "other") return [];
  const packages = PACKAGES[platform.family];
  if (platform.family === "macos") {
    const formulas = unique.filter((n) => n !== "chromium").map((n) => packages[n]);
    const casks = unique.filter((n) => n === "chromium").map((n) => packages[n]);
    return [...(formulas.length ? [["brew", "install", ...formulas]] : []), ...(casks.length ? [["brew", "install", "--cask", ...casks]] : [])];
  }
  const sudo = platform.root ? [] : ["sudo"];
  const install = [...sudo, "apt-get", "install", "-y", ...unique.map((n) => packages[n])];
  return options.refresh ? [[...sudo, "apt-get", "update"], install] : [install];
}

/** The one message for a machine that lacks something: what, and the command that installs it. */
export function formatMissing(unordered: Missing[], platform: Platform): string {
  const missing = inOrder(unordered, (m) => m.need);
  const names = [...new Set(missing.map((m) => NAMES[m.need]))];
  const listed = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}` : (names[0] ?? "");
  const lines = [`The tests need ${listed}, which this machine does not have:`, ...missing.map((m) => `  - ${NAMES[m.need]}: ${m.detail}`)];
  const steps = installSteps(
    missing.map((m) => m.need),
    platform
  );
  if (steps.length) lines.push(`Install ${names.length > 1 ? "them" : "it"} with:`, `  ${steps.map((s) => s.join(" ")).join(" && ")}`);
  else lines.push("Install PostgreSQL 15 or later, Redis 7 or later and Chromium with your system's package manager.");
  lines.push("Then run npm test again.");
  return lines.join("\n");
}
