import type { Logger } from "pino";
import type { RealtimeIo, RealtimeSocket } from "../io-types";
import type { RealtimeMetrics } from "../ops/metrics";

interface EngineInternals {
  writeBuffer?: Array<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
}

/** Bytes waiting for this socket: engine.io's packet queue plus the WebSocket's unsent bytes. */
function bufferedBytes(socket: RealtimeSocket): number {
  const conn = socket.conn as unknown as EngineInternals;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === "string") bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
    else bytes += 64;
  }
  return bytes;
}

/**
 * A console that stops reading would make the node queue its events forever; past the bound it is
 * disconnected (it reconnects and replays when it is able to read again). Returns a stop function.
 */
export function watchSlowClients(io: RealtimeIo, maxBytes: number, everyMs: number, metrics: RealtimeMetrics, logger: Logger): () => void {
  const timer = setInterval(() => {
    for (const socket of io.of("/").sockets.values()) {
      const bytes = bufferedBytes(socket);
      if (bytes <= maxBytes) continue;
      logger.warn({ socketId: socket.id, userId: socket.data.user.id, bytes }, "disconnecting slow client");
      metrics.forcedDisconnect("slow_client");
      // Not disconnect(): its goodbye would queue behind the backlog. Drop the transport and its bytes now.
      const ws = (socket.conn as unknown as EngineInternals).transport?.socket;
      socket.conn.close(true);
      ws?.terminate?.();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
