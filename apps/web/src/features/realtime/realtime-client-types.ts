import type { DomainEvent } from "@switchboard/contracts";
import type { AuthFailure, ConnectionStatus } from "./connection-status";
import type { PresenceView } from "./presence-members";
import type { EventOrigin } from "./replay-listeners";

export interface RealtimeClientOptions {
  /** Realtime node on another origin (token auth); null = this origin, cookie auth. */
  url: string | null;
  /** The org seq read with the page that opened this tab's console. */
  initialSeq: number;
  /** The session is gone (expired, revoked, user deleted or deactivated): send the user to sign in. */
  onAuthFailure: (why: AuthFailure) => void;
  /** The user's role or offices changed: the socket already follows them; the pages must be re-read. */
  onAccessChanged: (message: string) => void;
  /** The server cannot replay what we missed: views must refetch. */
  onResync: () => void;
  /** Every newly received event. */
  onEvent: (event: DomainEvent, origin: EventOrigin) => void;
  /** Catching up finished; `replayed` events were applied; `reconnected`: after a lost connection (not the first connect). */
  onSynced: (replayed: number, reconnected: boolean) => void;
}

export interface RealtimeSnapshot {
  status: ConnectionStatus;
  /** When the connection stopped being live (ms since epoch); null while live. What is on screen is as of then. */
  lostAt: number | null;
  /** Bumped on every applied event, reset or newly held topic; views recompute from the buffer when it changes. */
  version: number;
  /** Who is online (a count and up to a page of people); null until the node sends the list, which it does while a view holds the presence topic. */
  presence: PresenceView | null;
}
