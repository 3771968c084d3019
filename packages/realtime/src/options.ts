import { DEFAULT_HEARTBEAT_INTERVAL_MS, SYNC_PAGE_MAX_EVENTS, ticketPresenceLimits } from "@switchboard/contracts";
import { z } from "zod";

const optionsSchema = z.strictObject({
  /** Socket.IO path; the web app's embedded server uses the same default. */
  path: z.string().startsWith("/").default("/socket.io"),
  /** Origins allowed to connect cross-site (cluster mode: the web app's public URL). Empty = same-origin only. */
  corsOrigins: z.array(z.string()).default([]),
  /** Largest accepted message (Socket.IO's maxHttpBufferSize); bigger ones close that connection. */
  maxPayloadBytes: z
    .number()
    .int()
    .positive()
    .default(16 * 1024),
  pingIntervalMs: z.number().int().positive().default(25_000),
  pingTimeoutMs: z.number().int().positive().default(20_000),
  /** How often each socket gets `server:heartbeat`; consoles move to another node after about three missed beats. */
  heartbeatIntervalMs: z.number().int().min(50).max(60_000).default(DEFAULT_HEARTBEAT_INTERVAL_MS),
  /** How long a crashed node's users stay listed as online at most (roughly; see presence). */
  presenceTtlMs: z.number().int().min(300).default(15_000),
  /** Joins and leaves in an organization within this window go to its staff as one presence:changed. */
  presenceBatchMs: z.number().int().min(0).max(5_000).default(50),
  /** Members a presence list carries at most (the first by name); a larger organization is summarized by its count. */
  presencePageSize: z.number().int().min(1).max(1_000).default(20),
  /** In a storm of joins and leaves, an organization's staff get one fresh summary (count and first page) per interval instead of each change. */
  presenceSummaryMs: z.number().int().min(0).max(60_000).default(1_000),
  /** How long a ticket viewer on a crashed node stays listed at most; nodes refresh every quarter of it. */
  ticketPresenceTtlMs: z.number().int().min(200).default(10_000),
  /** How long "is replying…" shows after the last typing message. */
  ticketTypingTtlMs: z.number().int().min(100).default(ticketPresenceLimits.typingTtlMs),
  /** How often a node re-checks that its sockets may still see the viewers of the tickets they listen to. */
  ticketAccessRecheckMs: z.number().int().min(100).default(5_000),
  /** Per-socket token bucket for client→server messages. */
  messageRateLimit: z.strictObject({ burst: z.number().int().positive(), perSecond: z.number().positive() }).default({ burst: 60, perSecond: 20 }),
  /** sync:request per socket (a console sends one after each resync at most; replays are costly). */
  syncRateLimit: z.strictObject({ burst: z.number().int().positive(), perSecond: z.number().positive() }).default({ burst: 3, perSecond: 0.2 }),
  /** Open sockets per user on this node (tabs and devices); 0 = no cap. */
  maxSocketsPerUser: z.number().int().nonnegative().default(50),
  /**
   * Open sockets per client address, across the cluster when nodes share Redis; 0 = no cap (the default: behind a proxy every
   * client has the proxy's address unless `trustProxyHops` says how to find the real one).
   */
  maxSocketsPerIp: z.number().int().nonnegative().default(0),
  /** How long a socket counts toward the caps after its node last refreshed it (a crashed node's sockets stop counting after this). */
  socketCountTtlMs: z.number().int().min(300).default(30_000),
  /** Proxies in front of the node that append the client's address to X-Forwarded-For. */
  trustProxyHops: z.number().int().nonnegative().max(5).default(0),
  /** Malformed messages (unknown event, missing ack, bad shape) a socket may send before it is dropped. */
  maxStrikes: z.number().int().positive().default(10),
  /** Bytes queued for one socket beyond which it is disconnected so it cannot hold memory hostage. */
  slowClientMaxBufferedBytes: z
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  slowClientCheckMs: z.number().int().positive().default(1_000),
  /** Live events buffered for a socket while its replay runs; past this it is told to resync. */
  replayBufferLimit: z.number().int().positive().default(50_000),
  /** Most events per replay page (`sync:page`); the next page waits for the console's acknowledgement. */
  replayPageEvents: z.number().int().positive().max(SYNC_PAGE_MAX_EVENTS).default(SYNC_PAGE_MAX_EVENTS),
  /** A console that leaves a replay page unacknowledged this long is told to resync. */
  replayPageAckTimeoutMs: z.number().int().positive().default(30_000),
  /** On a graceful shutdown, how long consoles get to leave for another node after `server:draining` before they are cut off. */
  drainTimeoutMs: z.number().int().min(0).max(30_000).default(3_000),
  /** Register Node.js process metrics (CPU, heap, event loop) on /metrics. */
  processMetrics: z.boolean().default(false),
  /** Bearer token that opens /stats and /metrics; unset = they are closed. */
  opsToken: z.string().optional()
});

export type RealtimeOptions = z.infer<typeof optionsSchema>;
export type RealtimeOptionsInput = z.input<typeof optionsSchema>;

export function resolveOptions(input: RealtimeOptionsInput = {}): RealtimeOptions {
  return optionsSchema.parse(input);
}
