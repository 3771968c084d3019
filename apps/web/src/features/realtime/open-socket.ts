import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@switchboard/contracts";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The tab's socket to `url` (null: this origin, with the session cookie); `auth` is asked on every attempt. */
export function openSocket(url: string | null, auth: (cb: (data: object) => void) => void): ClientSocket {
  return io(url ?? undefined, {
    path: "/socket.io",
    transports: ["websocket", "polling"],
    withCredentials: url === null,
    reconnectionDelay: 1000,
    // An operator console must not sit dark for long after an outage: retries stay within 10 s.
    reconnectionDelayMax: 10_000,
    // A reconnect that reaches a hung node must give up soon enough to try another.
    timeout: 10_000,
    randomizationFactor: 0.5,
    auth
  });
}
