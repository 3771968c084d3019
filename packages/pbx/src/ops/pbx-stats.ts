import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeOpsRequest } from "@switchboard/config";
import type { ConnectorStats } from "../ami/ami-connector";
import type { ParserStats } from "../ami/frame-parser";
import { createTrackerStats, type TrackerStats } from "../tracker/tracker-stats";

export interface PbxStatsSources {
  supervisor?: { stats(): Record<string, ConnectorStats & { connectionId?: string }> };
  simulator?: { stats(): { callsStarted: number; tracker: TrackerStats } };
  /** Counters of webhook deliveries handled by this process. */
  webhooks?: TrackerStats;
}

type PbxTotals = ParserStats & TrackerStats;

export interface PbxStats {
  /** One per AMI connection this process runs, keyed by organization. */
  connections: Record<string, ConnectorStats>;
  simulator: { callsStarted: number; tracker: TrackerStats } | null;
  webhooks: TrackerStats | null;
  /** Sums over every source: what ingestion saw, skipped and counted as bad input. */
  totals: PbxTotals;
}

const EMPTY_PARSER: ParserStats = { frames: 0, garbageLines: 0, malformedFrames: 0, oversizedFrames: 0 };

function add<T extends object>(into: T, from: Partial<T>): void {
  for (const key of Object.keys(into) as (keyof T)[]) {
    const value = from[key];
    if (typeof value === "number") (into[key] as number) += value;
  }
}

/** The PBX part of a process's /stats: per-connection counters and their totals. */
export function buildPbxStats(sources: PbxStatsSources): PbxStats {
  const connections = sources.supervisor?.stats() ?? {};
  const simulator = sources.simulator?.stats() ?? null;
  const totals: PbxTotals = { ...EMPTY_PARSER, ...createTrackerStats() };
  for (const connection of Object.values(connections)) {
    add(totals, connection.parser);
    add(totals, connection.tracker);
  }
  if (simulator) add(totals, simulator.tracker);
  if (sources.webhooks) add(totals, sources.webhooks);
  return { connections, simulator, webhooks: sources.webhooks ? { ...sources.webhooks } : null, totals };
}

/**
 * GET /healthz and /stats (also under /pbx/…) for a process that runs PBX ingestion; /stats only
 * with the ops token (it lists every organization's connections). False for anything else, so the
 * host server handles it.
 */
export function createPbxOpsHandler(stats: () => PbxStats, opsToken: string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = pathname.startsWith("/pbx/") ? pathname.slice("/pbx".length) : pathname;
    if ((route !== "/stats" && route !== "/healthz") || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if (route === "/stats" && !authorizeOpsRequest(req, res, opsToken)) return true;
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(route === "/healthz" ? { ok: true } : { pbx: stats() }));
    return true;
  };
}
