import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface Balancer {
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP load balancer in front of realtime nodes: each connection goes to the first backend that
 * accepts it. When a node dies its clients' reconnects land on the next one, as behind a real
 * proxy with health checks. `roundRobin`: each new connection starts at the next backend in turn,
 * so a reconnect leaves a node that still accepts connections but no longer answers (frozen).
 */
export async function startBalancer(backendPorts: number[], options: { roundRobin?: boolean } = {}): Promise<Balancer> {
  let turn = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    client.pause();
    const first = options.roundRobin ? turn++ % backendPorts.length : 0;
    const tryBackend = (attempt: number) => {
      const port = backendPorts[(first + attempt) % backendPorts.length];
      if (port === undefined || attempt >= backendPorts.length) return client.destroy();
      const upstream = createConnection({ port, host: "127.0.0.1" });
      let connected = false;
      upstream.on("error", () => {
        upstream.destroy();
        if (connected) client.destroy();
        else tryBackend(attempt + 1);
      });
      upstream.once("connect", () => {
        connected = true;
        sockets.add(upstream);
        upstream.on("close", () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("balancer has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })
  };
}
