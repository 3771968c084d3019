import type { Server } from "node:http";

export interface RequestDrain {
  /** Requests received and not yet answered. */
  inFlight(): number;
  /**
   * Stops accepting connections, closes idle keep-alive ones and waits for the requests in flight
   * to be answered, at most `graceMs`. Resolves with how many were still unanswered then (the
   * caller cuts them off). Upgraded connections (WebSockets) are not requests: their owner closes them.
   */
  drain(graceMs: number): Promise<{ unfinished: number }>;
}

/** Counts a server's requests in flight from now on, so a shutdown can let them finish. */
export function trackRequests(server: Server): RequestDrain {
  let inFlight = 0;
  let draining = false;
  const waiters = new Set<() => void>();
  server.on("request", (_req, res) => {
    inFlight++;
    // A keep-alive client is told to go elsewhere for its next request.
    if (draining && !res.headersSent) res.setHeader("connection", "close");
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) for (const wake of waiters) wake();
    });
  });
  return {
    inFlight: () => inFlight,
    async drain(graceMs) {
      draining = true;
      if (server.listening) server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          };
          const timer = setTimeout(done, graceMs);
          waiters.add(done);
        });
      }
      server.closeIdleConnections();
      return { unfinished: inFlight };
    }
  };
}
