import { once } from "node:events";
import { createServer, get, type IncomingMessage } from "node:http";
import { createConnection, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trackRequests } from "./drain-http-server";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A server whose /slow requests are answered only when the test says so. */
async function startServer() {
  const held: (() => void)[] = [];
  const arrived: string[] = [];
  const server = createServer((req, res) => {
    arrived.push(req.url ?? "");
    if (req.url === "/slow") held.push(() => res.end("slow done"));
    else res.end("ok");
  });
  servers.push(server);
  const requests = trackRequests(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const answerSlow = () => held.splice(0).forEach((answer) => answer());
  return { server, requests, port, arrived, answerSlow };
}

function request(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path, agent: false }, (res: IncomingMessage) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

function connectError(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const until = async (check: () => boolean) => expect.poll(check, { timeout: 15_000 }).toBe(true);

describe("draining an HTTP server on shutdown", () => {
  it("refuses new connections at once and answers the request in flight before it resolves", async () => {
    const { requests, port, arrived, answerSlow } = await startServer();
    const slow = request(port, "/slow");
    await until(() => arrived.includes("/slow"));
    let drained: { unfinished: number } | undefined;
    const draining = requests.drain(30_000).then((result) => (drained = result));

    expect(await connectError(port)).toBe("ECONNREFUSED");
    expect(requests.inFlight()).toBe(1);
    expect(drained).toBeUndefined();

    answerSlow();
    expect(await slow).toEqual({ status: 200, body: "slow done" });
    await draining;
    expect(drained).toEqual({ unfinished: 0 });
  });

  it("gives up after the grace period and says how many requests were still unanswered", async () => {
    const { requests, port, arrived } = await startServer();
    void request(port, "/slow").catch(() => undefined);
    await until(() => arrived.includes("/slow"));
    expect(await requests.drain(200)).toEqual({ unfinished: 1 });
  });

  it("resolves at once when nothing is in flight", async () => {
    const { requests, port } = await startServer();
    expect(await request(port, "/fast")).toEqual({ status: 200, body: "ok" });
    expect(await requests.drain(30_000)).toEqual({ unfinished: 0 });
    expect(await connectError(port)).toBe("ECONNREFUSED");
  });
});
