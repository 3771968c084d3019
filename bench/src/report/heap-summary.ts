import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Count and self size per (type, constructor) of a V8 heap snapshot. */
export type HeapCensus = Map<string, { count: number; bytes: number }>;

export function censusOf(file: string): HeapCensus {
  const snap = JSON.parse(readFileSync(file, "utf8")) as HeapSnapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const census: HeapCensus = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? "?";
    const rawName = snap.strings[snap.nodes[i + nameAt] ?? 0] ?? "";
    // Strings and code are many distinct names: group them by type.
    const name = type === "object" || type === "closure" || type === "native" ? `${type}:${rawName.slice(0, 60)}` : `(${type})`;
    const entry = census.get(name) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snap.nodes[i + sizeAt] ?? 0;
    census.set(name, entry);
  }
  return census;
}

export interface HeapDiffRow {
  name: string;
  perConsoleCount: number;
  perConsoleBytes: number;
}

/** What each console added: (loaded − idle) / consoles, biggest first. */
export function diffPerConsole(idle: HeapCensus, loaded: HeapCensus, consoles: number, top = 30): HeapDiffRow[] {
  const rows: HeapDiffRow[] = [];
  for (const [name, after] of loaded) {
    const before = idle.get(name) ?? { count: 0, bytes: 0 };
    rows.push({
      name,
      perConsoleCount: Math.round(((after.count - before.count) / consoles) * 100) / 100,
      perConsoleBytes: Math.round((after.bytes - before.bytes) / consoles)
    });
  }
  return rows.sort((a, b) => b.perConsoleBytes - a.perConsoleBytes).slice(0, top);
}

/** Asks the server for a snapshot (SIGTTIN, see gc-on-signal.mjs) and waits for the file. */
export async function takeHeapSnapshot(pid: number, timeoutMs = 120_000): Promise<string | null> {
  const started = Date.now();
  process.kill(pid, "SIGTTIN");
  const prefix = `switchboard-bench-heap-${pid}-`;
  while (Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 500));
    const files = readdirSync(os.tmpdir())
      .filter((f) => f.startsWith(prefix) && f.endsWith(".heapsnapshot"))
      .sort();
    const latest = files[files.length - 1];
    if (!latest || Number(latest.slice(prefix.length).split(".")[0]) < started) continue;
    const file = path.join(os.tmpdir(), latest);
    // V8 writes it while the server stands still: done once the size stops growing.
    const size = statSync(file).size;
    await new Promise((r) => setTimeout(r, 1000));
    if (size > 0 && statSync(file).size === size) return file;
  }
  return null;
}

export function removeSnapshot(file: string | null): void {
  if (file) rmSync(file, { force: true });
}
