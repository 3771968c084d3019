import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@switchboard/contracts";
import type { ConsoleTracker } from "./console-tracker";
import type { ConsoleSpec } from "./protocol";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A console's connection as the web console opens it. Every (re)connect's handshake carries the
 * seq it has and, when it shows a page, that page's topics, each starting at that seq.
 */
export function openSocket(spec: ConsoleSpec, tracker: ConsoleTracker): ClientSocket {
  const topics = spec.topics;
  const options: Partial<ManagerOptions & SocketOptions> & { localAddress: string } = {
    path: "/socket.io",
    transports: ["websocket"],
    // One engine connection per console, as separate browser tabs have.
    forceNew: true,
    // The web console's reconnection settings.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    localAddress: spec.localAddress,
    auth: (cb) =>
      cb({
        ...(spec.token ? { token: spec.token } : {}),
        ...(spec.room ? { room: spec.room } : {}),
        lastSeq: tracker.lastSeq,
        ...(topics ? { topics: Object.fromEntries(topics.map((topic) => [topic, tracker.lastSeq])) } : {})
      })
  };
  return io(spec.url, options);
}
