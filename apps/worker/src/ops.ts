import type { IncomingMessage, ServerResponse } from "node:http";
import type { Integrations } from "@switchboard/integrations";

function send(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
}

/** GET /healthz, /readyz (the database answers), /stats (queue counts, JSON), /metrics (Prometheus). */
export function createWorkerOpsHandler(integrations: Integrations) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? "/").split("?")[0];
    const fail = (error: unknown) => send(res, 503, JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, JSON.stringify({ error: "method not allowed" }));
    switch (path) {
      case "/healthz":
        return send(res, 200, JSON.stringify({ ok: true }));
      case "/readyz":
      case "/stats":
        integrations.metrics.snapshot().then((queues) => send(res, 200, JSON.stringify(path === "/readyz" ? { ok: true } : { queues })), fail);
        return;
      case "/metrics":
        integrations.metrics.registry.metrics().then((text) => send(res, 200, text, integrations.metrics.registry.contentType), fail);
        return;
      default:
        return send(res, 404, JSON.stringify({ error: "not found" }));
    }
  };
}
