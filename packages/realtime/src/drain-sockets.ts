import type { RealtimeIo } from "./io-types";

/**
 * Tells every socket of this node that it is shutting down and waits until they have left by
 * themselves (consoles reconnect at once, behind the load balancer to another node, and replay from
 * their last seq), at most `timeoutMs`; whoever is still here then is cut off by the caller. Live
 * events keep flowing to the sockets meanwhile.
 */
export async function drainSockets(io: RealtimeIo, nodeId: string, timeoutMs: number): Promise<number> {
  const sockets = io.of("/").sockets;
  const announced = sockets.size;
  if (announced === 0 || timeoutMs === 0) return announced;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    function check(): void {
      if (sockets.size === 0) finish();
    }
    function finish(): void {
      clearTimeout(timer);
      for (const socket of sockets.values()) socket.off("disconnect", onLeft);
      resolve();
    }
    // Socket.IO removes a socket from the namespace before its "disconnect" listeners run.
    const onLeft = () => check();
    for (const socket of sockets.values()) socket.on("disconnect", onLeft);
    io.local.emit("server:draining", { nodeId });
  });
  return announced;
}
