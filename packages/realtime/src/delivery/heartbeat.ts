import type { RealtimeIo } from "../io-types";
import { rooms } from "../io-types";
import type { Delivery } from "./delivery";

/**
 * Sends `server:heartbeat` to every socket of this node, one broadcast per organization, every
 * `intervalMs`. It runs on the event loop that serves the sockets: a node that stops (frozen process,
 * blocked loop) stops beating, and its consoles move elsewhere long before the ping timeout.
 */
export function startHeartbeat(io: RealtimeIo, delivery: Pick<Delivery, "orgHeads">, nodeId: string, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const [orgId, seq] of delivery.orgHeads()) io.local.to(rooms.org(orgId)).emit("server:heartbeat", { nodeId, seq, intervalMs });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
