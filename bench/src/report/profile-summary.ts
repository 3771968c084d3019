import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  /** The benchmark phase the samples were cut to, if any. */
  phase: string | null;
  durationMs: number;
  /** Time not idle (what the thread actually did). */
  busyMs: number;
  /** Self time by function; percentages are of busy time. */
  functions: Array<{ name: string; where: string; selfMs: number; percent: number }>;
  /** Self time by origin: a package in node_modules, our own workspace, node internals, GC/idle. */
  origins: Array<{ origin: string; selfMs: number; percent: number }>;
}

function originOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1]) return nm[1];
  if (url.startsWith("node:")) return "node:internals";
  const ws = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (ws) return `@switchboard/${ws[2]}`;
  return url;
}

/** Self time per function and per origin from a V8 .cpuprofile (what a flame graph shows at the leaves). */
export interface PhaseWindow {
  name: string;
  /** Monotonic µs, the clock V8 stamps samples with (see monotonicUs). */
  from: number;
  to: number;
}

function summarizeProfile(file: string, top = 25, window?: PhaseWindow): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    const delta = Math.max(0, deltas[i] ?? 0);
    at += delta;
    if (window && (at < window.from || at > window.to)) continue;
    const id = samples[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const where = url ? `${url.replace(/^file:\/\//, "").replace(/^.*?\/(node_modules|apps|packages)\//, "$1/")}:${lineNumber + 1}` : "";
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const origin = originOf(url, name);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + us);
  }
  const idle = byOrigin.get("(idle)") ?? 0;
  // Shares of busy time: idle is what the thread did not do.
  const pct = (us: number) => Math.round((us / Math.max(1, total - idle)) * 1000) / 10;
  return {
    file,
    phase: window?.name ?? null,
    durationMs: Math.round(
      (window ? Math.min(window.to, profile.endTime) - Math.max(window.from, profile.startTime) : profile.endTime - profile.startTime) / 1000
    ),
    busyMs: Math.round((total - idle) / 1000),
    functions: [...byFunction.values()]
      .filter((f) => f.name !== "(idle)")
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: Math.round(f.us / 1000), percent: pct(f.us) })),
    origins: [...byOrigin.entries()]
      .filter(([origin]) => origin !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([origin, us]) => ({ origin, selfMs: Math.round(us / 1000), percent: pct(us) }))
  };
}

/**
 * The busiest thread's profile of every process folder under `dir` (the main thread, not tsx's
 * loader), whole or cut into the given phases.
 */
export function summarizeProfiles(dir: string, windows: PhaseWindow[] = []): ProfileSummary[] {
  const folders = [dir];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) folders.push(path.join(dir, entry.name));
  } catch {
    return [];
  }
  const out: ProfileSummary[] = [];
  for (const folder of folders) {
    const summaries = readdirSync(folder)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => summarizeProfile(path.join(folder, f)));
    const busiest = summaries.sort((a, b) => b.busyMs - a.busyMs)[0];
    if (!busiest) continue;
    if (windows.length === 0) out.push(busiest);
    for (const window of windows) out.push(summarizeProfile(busiest.file, 25, window));
  }
  return out;
}
