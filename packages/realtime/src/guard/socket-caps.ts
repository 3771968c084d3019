import type { ConnectErrorData } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { RealtimeSocket } from "../io-types";
import type { SharedSocketCounts } from "./shared-socket-counts";

export interface SocketCapsOptions {
  /** Open sockets per user (across the cluster when counted in Redis); 0 = no cap. */
  maxSocketsPerUser: number;
  /** Open sockets per client address (across the cluster when counted in Redis); 0 = no cap. */
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
 * Caps how many sockets one user and one address may hold open, so a runaway script or a flood
 * of tabs cannot take the cluster's memory from everyone else. With Redis the counts are the
 * cluster's (`SharedSocketCounts`: a crashed node's sockets stop counting after their TTL); without
 * it, or while Redis cannot answer, each node counts its own. Runs after the handshake is
 * authenticated; a refusal is a connect_error (`too_many_connections`) naming the cap. A socket
 * counts from the moment it is admitted until its transport closes.
 */
export function createSocketCaps(options: SocketCapsOptions, shared?: SharedSocketCounts, logger?: Logger) {
  const byUser = new Map<string, number>();
  const byIp = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number) => {
    const next = (map.get(key) ?? 0) + by;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };
  const { maxSocketsPerUser: perUser, maxSocketsPerIp: perIp } = options;
  const userRefusal = new TooManyConnections(`too many connections: at most ${perUser} open per user (close other tabs)`);
  const ipRefusal = new TooManyConnections(`too many connections: at most ${perIp} open per address`);

  /** The refusal, if any: the cluster's counts, or this node's while Redis cannot answer. */
  async function refusalFor(socket: RealtimeSocket, userId: string, ip: string): Promise<TooManyConnections | undefined> {
    const checks = [
      ...(perUser > 0 ? [{ kind: "user" as const, id: userId, cap: perUser, local: byUser, refusal: userRefusal }] : []),
      ...(perIp > 0 ? [{ kind: "ip" as const, id: ip, cap: perIp, local: byIp, refusal: ipRefusal }] : [])
    ];
    if (shared && checks.length) {
      try {
        const full = await shared.admit(
          socket.id,
          checks.map((c) => ({ key: shared.key(c.kind, c.id), cap: c.cap }))
        );
        return full === 0 ? undefined : checks[full - 1]?.refusal;
      } catch (error) {
        logger?.warn({ err: error }, "cluster socket counts unavailable; capping this node's sockets only");
      }
    }
    return checks.find((c) => (c.local.get(c.id) ?? 0) >= c.cap)?.refusal;
  }

  /**
   * Counts the socket until its transport closes. Its own scope: the listener lives as long as
   * the socket, and must not keep the handshake's middleware chain (`next`) alive with it.
   */
  function holdUntilClosed(socket: RealtimeSocket, userId: string, ip: string, closed: { now: boolean }): void {
    bump(byUser, userId, 1);
    bump(byIp, ip, 1);
    const socketId = socket.id;
    const release = () => {
      bump(byUser, userId, -1);
      bump(byIp, ip, -1);
      shared?.release(socketId);
    };
    // Closed while Redis answered: release at once, or the count would never come down.
    if (closed.now) release();
    else socket.conn.once("close", release);
  }

  return function admitSocket(socket: RealtimeSocket, next: (error?: Error) => void): void {
    const userId = socket.data.user.id;
    const ip = clientAddress(socket, options.trustProxyHops);
    // The transport's close always comes, also for a handshake that never became a connection.
    const closed = { now: false };
    const onClose = () => {
      closed.now = true;
    };
    socket.conn.once("close", onClose);
    void refusalFor(socket, userId, ip).then((refusal) => {
      socket.conn.off("close", onClose);
      if (refusal) return next(new TooManyConnections(refusal.message));
      holdUntilClosed(socket, userId, ip, closed);
      next();
    });
  };
}
