import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Service, ServiceName } from "./service";

const ROUTE = /^\/services\/(redis|web|realtime)\/(stop|start)$/;
const SIGNALS: ReadonlySet<string> = new Set(["SIGKILL", "SIGTERM", "SIGINT"]);

/**
 * Lives in the Playwright runner (which owns the server processes) so that tests running in
 * worker processes can crash and restart servers: POST /services/<name>/stop?signal=SIGKILL and
 * POST /services/<name>/start (answers once the server is ready again).
 */
export async function startControlServer(services: Record<ServiceName, Service>, onChange: () => void): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://control");
    const match = ROUTE.exec(url.pathname);
    const service = match ? services[match[1] as ServiceName] : undefined;
    if (req.method !== "POST" || !match || !service) {
      res.writeHead(404).end();
      return;
    }
    const signal = url.searchParams.get("signal") ?? "SIGKILL";
    if (!SIGNALS.has(signal)) {
      res.writeHead(400, { "content-type": "text/plain" }).end(`unsupported signal ${signal}`);
      return;
    }
    const action = match[2] === "stop" ? service.stop(signal as NodeJS.Signals) : service.start();
    action.then(
      () => {
        onChange();
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ name: service.name, running: service.running, pid: service.pid ?? null }));
      },
      (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(error instanceof Error ? error.message : String(error))
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
