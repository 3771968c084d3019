import type { Viewer } from "@switchboard/auth";
import type { DomainEvent, Topic } from "@switchboard/contracts";
import type { RealtimeSocket } from "../io-types";

/**
 * Where one socket stands in the event stream.
 * - replaying: its missed events are being read; live events are buffered, not sent.
 * - catching-up: replay sent up to `floor`, but this node's live stream has not reached `floor` yet
 *   (the log can be ahead of the subscriber); live events are sent one by one, those ≤ floor dropped.
 * - live: in its org's live set; gets the shared, serialized-once broadcast.
 */
export interface SyncTarget {
  socket: RealtimeSocket;
  viewer: Viewer;
  orgId: string;
  state: "replaying" | "catching-up" | "live";
  floor: number;
  buffer: DomainEvent[];
  overflowed: boolean;
  /** Bumped per sync so a superseded or abandoned replay cannot touch the socket's state. */
  generation: number;
  detached: boolean;
  /** What the console's page shows (shared between sockets holding the same topics, see TopicSets). */
  topics: ReadonlySet<string>;
  /** Handshake topics that start before `lastSeq` (a page still subscribing when the connection dropped): used by the first sync. */
  starts?: Map<Topic, number>;
  /** Who waits for the running replay to end (a subscription arriving during it). */
  waiters?: Array<() => void>;
}

export interface OrgDelivery {
  live: Set<SyncTarget>;
  pending: Set<SyncTarget>;
  sockets: number;
}

/** The running replay of `target` ended (or the socket went): wake who waited for it. */
export function settle(target: SyncTarget): void {
  const waiters = target.waiters;
  if (!waiters) return;
  target.waiters = undefined;
  for (const wake of waiters) wake();
}

/** Resolves when the running replay of `target` ends (see settle). */
export function untilSettled(target: SyncTarget): Promise<void> {
  return new Promise((resolve) => (target.waiters ??= []).push(resolve));
}

/** A socket that just connected: replaying until its first sync ends. */
export function newTarget(socket: RealtimeSocket, topics: ReadonlySet<string>, starts: Map<Topic, number> | undefined): SyncTarget {
  // The handshake's user is the viewer (read-only from here on): no copy per socket.
  const viewer = socket.data.user;
  return {
    socket,
    viewer,
    orgId: viewer.orgId,
    state: "replaying",
    floor: 0,
    buffer: [],
    overflowed: false,
    generation: 0,
    detached: false,
    topics,
    starts
  };
}
