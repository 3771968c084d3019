import type { Viewer } from "@switchboard/auth";
import type { DomainEvent } from "@switchboard/contracts";
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
}

export interface OrgDelivery {
  live: Set<SyncTarget>;
  pending: Set<SyncTarget>;
  sockets: number;
}
