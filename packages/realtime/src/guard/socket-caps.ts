import type { ConnectErrorData } from "@switchboard/contracts";
import type { RealtimeSocket } from "../io-types";

export interface SocketCapsOptions {
  /** Open sockets per user on this node; 0 = no cap. */
  maxSocketsPerUser: number;
  /** Open sockets per client address on this node; 0 = no cap. */
  maxSocketsPerIp: number;
  /** Proxies in front of the node that append to X-Forwarded-For; 0 = the TCP peer is the client. */
  trustProxyHops: number;
}

class TooManyConnections extends Error {
  readonly data: ConnectErrorData = { code: "too_many_connections" };
}

/** The client's address: the TCP peer, or the entry the nearest trusted proxy appended. */
function clientAddress(socket: RealtimeSocket, trustProxyHops: number): string {
  if (trustProxyHops <= 0) return socket.handshake.address;
  const header = socket.handshake.headers["x-forwarded-for"];
  const hops = (typeof header === "string" ? header : "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[hops.length - trustProxyHops] ?? socket.handshake.address;
}

/**
 * Caps how many sockets one user and one address may hold open on this node, so a runaway
 * script or a flood of tabs cannot take a node's memory from everyone else. Runs after the
 * handshake is authenticated; a refusal is a connect_error (`too_many_connections`) naming the cap.
 * A socket counts from the moment it is admitted until its transport closes.
 */
export function createSocketCaps(options: SocketCapsOptions) {
  const byUser = new Map<string, number>();
  const byIp = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number) => {
    const next = (map.get(key) ?? 0) + by;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };

  return function admitSocket(socket: RealtimeSocket, next: (error?: Error) => void): void {
    const userId = socket.data.user.id;
    const ip = clientAddress(socket, options.trustProxyHops);
    const { maxSocketsPerUser: perUser, maxSocketsPerIp: perIp } = options;
    if (perUser > 0 && (byUser.get(userId) ?? 0) >= perUser) {
      return next(new TooManyConnections(`too many connections: at most ${perUser} open per user (close other tabs)`));
    }
    if (perIp > 0 && (byIp.get(ip) ?? 0) >= perIp) {
      return next(new TooManyConnections(`too many connections: at most ${perIp} open per address`));
    }
    bump(byUser, userId, 1);
    bump(byIp, ip, 1);
    // The transport's close always comes, also for a handshake that never became a connection.
    socket.conn.once("close", () => {
      bump(byUser, userId, -1);
      bump(byIp, ip, -1);
    });
    next();
  };
}
