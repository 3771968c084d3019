import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeOpsRequest } from "@switchboard/config";
import type { QueueMetrics } from "../queue/queue-metrics";

function send(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
}

/**
 * GET <prefix>/healthz, /readyz (the queue's database answers), /stats (counts per queue, JSON) and
 * /metrics (Prometheus: queued, running, failed, oldest waiting age per queue). Returns false for
 * any other request, so a host server can mount it beside its own routes. /stats and /metrics
 * answer only the ops token.
 */
export function createJobsOpsHandler(metrics: QueueMetrics, opsToken: string | undefined, prefix = "") {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    if (!pathname.startsWith(`${prefix}/`)) return false;
    const route = pathname.slice(prefix.length);
    if (!["/healthz", "/readyz", "/stats", "/metrics"].includes(route) || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if ((route === "/stats" || route === "/metrics") && !authorizeOpsRequest(req, res, opsToken)) return true;
    const fail = (error: unknown) => send(res, 503, JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    if (route === "/healthz") send(res, 200, JSON.stringify({ ok: true }));
    else if (route === "/metrics") metrics.registry.metrics().then((text) => send(res, 200, text, metrics.registry.contentType), fail);
    else metrics.snapshot().then((queues) => send(res, 200, JSON.stringify(route === "/readyz" ? { ok: true } : { queues })), fail);
    return true;
  };
}
