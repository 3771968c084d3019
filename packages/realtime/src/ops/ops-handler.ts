import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { authorizeOpsRequest } from "@switchboard/config";

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; reason?: string }>;
}

export interface OpsSources {
  readiness(): Promise<Readiness>;
  stats(): unknown;
  registry: Registry;
  /** Bearer token for /stats and /metrics (they describe every organization); unset = closed. */
  opsToken: string | undefined;
}

const ROUTES = new Set(["/healthz", "/readyz", "/stats", "/metrics"]);

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = type === "application/json" ? JSON.stringify(body) : String(body);
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(text);
}

/**
 * GET /healthz, /readyz, /stats, /metrics — also under /realtime/… where the embedded web server
 * mounts them; /stats and /metrics only with the ops token. Returns false for any other request so
 * the host server handles it.
 */
export function createOpsHandler(sources: OpsSources) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = pathname.startsWith("/realtime/") ? pathname.slice("/realtime".length) : pathname;
    if (!ROUTES.has(route) || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if ((route === "/stats" || route === "/metrics") && !authorizeOpsRequest(req, res, sources.opsToken)) return true;
    const fail = (error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : "internal error" });
    switch (route) {
      case "/healthz":
        send(res, 200, { ok: true });
        break;
      case "/readyz":
        sources.readiness().then((r) => send(res, r.ready ? 200 : 503, r), fail);
        break;
      case "/stats":
        send(res, 200, sources.stats());
        break;
      case "/metrics":
        sources.registry.metrics().then((text) => send(res, 200, text, sources.registry.contentType), fail);
        break;
    }
    return true;
  };
}
