import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface DatabaseProxy {
  /** The database's URL, through the proxy. */
  url: string;
  /**
   * What a PostgreSQL restart looks like to its clients: every open connection is dropped and new
   * ones are refused until `restore()`. The real server (shared with other tests) is untouched.
   */
  cut(): Promise<void>;
  /** Accepts connections again on the same port, as a restarted server does. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** A TCP proxy in front of the test PostgreSQL that a fault test cuts and restores. */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    track(upstream);
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const port = await listen(server, 0);
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  let open = true;

  const cut = async () => {
    if (!open) return;
    open = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: url.toString(),
    cut,
    async restore() {
      if (open) return;
      await listen(server, port);
      open = true;
    },
    close: cut
  };
}
