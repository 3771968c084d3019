import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

/**
 * The baseline: a bare Socket.IO server with the realtime node's engine settings but no auth, no
 * policy, no database and no event log. Clients join the room named in their handshake; the
 * controller hands it events over IPC and it broadcasts each one to its room.
 */
interface PublishMessage {
  type: "publish";
  events: Array<{ room: string; event: unknown }>;
}

const port = Number(process.argv[2] ?? 0);
const http = createServer((_req, res) => res.writeHead(404).end());
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024, pingInterval: 25_000, pingTimeout: 20_000 });

io.on("connection", (socket) => {
  const auth = (socket.handshake.auth ?? {}) as { room?: unknown; lastSeq?: unknown };
  const room = typeof auth.room === "string" ? auth.room : "lobby";
  void socket.join(room);
  const seq = typeof auth.lastSeq === "number" ? auth.lastSeq : 0;
  socket.emit("sync:done", { seq, replayed: 0 });
});

process.on("message", (message: PublishMessage) => {
  if (message.type !== "publish") return;
  for (const { room, event } of message.events) io.to(room).emit("event", event);
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => {
  io.close();
  process.exit(0);
});

http.listen(port, "127.0.0.1", () => {
  process.send?.({ type: "listening", port: (http.address() as AddressInfo).port });
});
