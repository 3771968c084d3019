import type { RealtimeIo } from "../io-types";
import type { Delivery } from "./delivery";

/**
 * Sends `server:heartbeat` every `intervalMs`, one broadcast per organization, to the sockets that
 * have not heard from the node lately: any frame (an event, a presence change, an acknowledgement,
 * a ping) is as good a sign of life, so a socket sent one in the last half interval is skipped (the
 * console goes quiet at most 1.5 intervals, well inside its watchdog's two plus slack). It runs on the event loop that serves the sockets: a node
 * that stops (frozen process, blocked loop) stops beating, and its consoles move elsewhere long
 * before the ping timeout.
 */
export function startHeartbeat(io: RealtimeIo, delivery: Pick<Delivery, "heartbeatTargets">, nodeId: string, intervalMs: number): () => void {
  const timer = setInterval(() => {
    const heardSince = Date.now() - intervalMs / 2;
    for (const { seq, socketIds } of delivery.heartbeatTargets(heardSince)) io.local.to(socketIds).emit("server:heartbeat", { nodeId, seq, intervalMs });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
