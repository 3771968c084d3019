import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@switchboard/contracts";

export type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Internal rooms: their prefixes are outside what roomRequestSchema lets a client ask for. */
export const rooms = {
  presence: (orgId: string) => `presence:${orgId}`
};
