import { z } from "zod";
import { text } from "./domain/text";
import type { Role } from "./domain/common";
import type { DomainEvent } from "./events/domain-events";
import type { PresenceChanged, PresenceSnapshot } from "./events/presence";
import type { ServerHeartbeat } from "./realtime/heartbeat";
import { handshakeTopicsSchema, type Topic, type TopicsSubscribe, type TopicsSubscribed, type TopicsUnsubscribe } from "./realtime/topics";
import type { TicketObserve, TicketTyping, TicketUnwatch, TicketViewers, TicketWatch } from "./events/ticket-presence";

/** Typed acknowledgement for every client→server event. */
export type Ack<T = null> = { ok: true; data: T } | { ok: false; error: AckError };
export interface AckError {
  code: "bad_request" | "forbidden" | "not_found" | "rate_limited" | "internal";
  message: string;
}
export type AckCallback<T = null> = (response: Ack<T>) => void;

export const syncRequestSchema = z.strictObject({ lastSeq: z.number().int().nonnegative() });
type SyncRequest = z.infer<typeof syncRequestSchema>;

/** Why the server asks a console to refetch instead of replaying. */
export type ResyncReason = "retention" | "gap" | "server";

export interface ServerStatus {
  /** false while the event log (Redis) is unreachable: writes still succeed, delivery waits. */
  live: boolean;
  nodeId: string;
  /** How often this node beats (`server:heartbeat`) when it has nothing else to send: the watchdog's clock from the start. */
  heartbeatIntervalMs: number;
}

/**
 * The node is shutting down (deploy, scale-in): it has stopped taking connections and closes the
 * open ones shortly. Consoles reconnect at once — behind the load balancer that is another node —
 * and resume from their last seq, so nothing is missed.
 */
export interface ServerDraining {
  nodeId: string;
}

export interface SyncDone {
  /** Highest seq the server has replayed (or knows of) for this organization. */
  seq: number;
  replayed: number;
}

/**
 * Most events in one `sync:page`: a long gap is replayed as many small frames, each sent after the
 * console acknowledged the previous one, never as one frame of megabytes.
 */
export const SYNC_PAGE_MAX_EVENTS = 200;

/** One page of a replay, in seq order; the console applies it, then acknowledges it. */
export interface SyncPage {
  events: DomainEvent[];
}

/** What `sync:request` acknowledges: the same outcome the server also emits as sync:done / sync:resync. */
export type SyncResult = ({ status: "done" } & SyncDone) | { status: "resync"; reason: ResyncReason; seq: number };

/** Why a handshake was refused: the connect_error's message is human-readable, `data.code` is for code. */
export type ConnectErrorCode =
  | "no_session"
  | "session_expired"
  | "invalid_session"
  /** The session was ended ("sign out everywhere", a password change or reset). */
  | "session_revoked"
  | "account_deactivated"
  | "bad_request"
  /** The user or the address already holds as many sockets as the cluster allows (the message names the cap). */
  | "too_many_connections"
  | "unavailable";

/** Why the server ended a socket's session while it was open. */
export type SessionEndReason = "deactivated" | "signed_out";

/** What the console says when the server ends its session (see "session:ended"). */
export const SESSION_END_MESSAGES: Record<SessionEndReason, string> = {
  deactivated: "Your account was deactivated",
  signed_out: "You were signed out everywhere"
};

/** What the console says when the server refreshed its access (see "access:changed"). */
export const ACCESS_CHANGED_MESSAGE = "Your access changed — reloading";
export interface ConnectErrorData {
  code: ConnectErrorCode;
}

export interface ServerToClientEvents {
  event: (event: DomainEvent) => void;
  /**
   * Missed events after a (re)connect, in pages of at most SYNC_PAGE_MAX_EVENTS: the next page
   * comes only after `ack` (sync:done follows the last page without waiting for it); the console is
   * caught up at `sync:done` (or told to refetch by `sync:resync`).
   */
  "sync:page": (page: SyncPage, ack: () => void) => void;
  "sync:done": (info: SyncDone) => void;
  "sync:resync": (info: { reason: ResyncReason; seq: number }) => void;
  /**
   * Pushed to staff holding the presence topic on connect or subscribe, after a presence store
   * outage, and in place of presence:changed while the organization is larger than a page.
   */
  "presence:snapshot": (snapshot: PresenceSnapshot) => void;
  /** Joins and leaves since the last announcement, to staff (see PresenceChanged). */
  "presence:changed": (change: PresenceChanged) => void;
  "server:status": (status: ServerStatus) => void;
  /** Every few seconds while connected; a console that misses them moves to another node (see HeartbeatWatchdog). */
  "server:heartbeat": (heartbeat: ServerHeartbeat) => void;
  "server:draining": (info: ServerDraining) => void;
  "session:expired": () => void;
  /**
   * The user's role or offices changed: from this event on the socket receives what the new
   * access allows; the console reloads its pages (their snapshots were read with the old access).
   */
  "access:changed": (info: { message: string }) => void;
  /** The session was ended (account deactivated, signed out everywhere); the server disconnects right after. */
  "session:ended": (info: { reason: SessionEndReason; message: string }) => void;
  /** Who is on a watched or observed ticket, after every change (see TicketViewers.at). */
  "ticket:viewers": (viewers: TicketViewers) => void;
}

export interface ClientToServerEvents {
  /** The page's topics (see topicsSubscribeSchema); events of new topics since the page's snapshot come first, as sync:page. */
  "topics:subscribe": (request: TopicsSubscribe, ack: AckCallback<TopicsSubscribed>) => void;
  /** Topics no page shows any more; answers the topics still held. */
  "topics:unsubscribe": (request: TopicsUnsubscribe, ack: AckCallback<{ topics: Topic[] }>) => void;
  "sync:request": (request: SyncRequest, ack: AckCallback<SyncResult>) => void;
  /** An explicit re-read; consoles need not send it (presence:snapshot is pushed with the presence topic). */
  "presence:list": (request: Record<string, never>, ack: AckCallback<PresenceSnapshot>) => void;
  "ticket:watch": (request: TicketWatch, ack: AckCallback<TicketViewers>) => void;
  "ticket:typing": (request: TicketTyping, ack: AckCallback<null>) => void;
  "ticket:unwatch": (request: TicketUnwatch, ack: AckCallback<null>) => void;
  "ticket:observe": (request: TicketObserve, ack: AckCallback<{ tickets: TicketViewers[] }>) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

/** Who a socket belongs to: set by the handshake middleware, refreshed when the user's access changes. */
export interface SocketData {
  /**
   * `officeIds`: the helpdesk offices the user belongs to. Read at the handshake and replaced, with
   * the role, whenever a user.* event changes them (nodes apply it before any later event).
   */
  user: { id: string; orgId: string; role: Role; name: string; email: string; officeIds: string[] };
  /** The session version the socket's session was issued with; a user.* event with a higher one ends the socket. */
  sessionVersion: number;
  /** The organization's seq as of the handshake's read of the user: only the user's later events change the socket's access. */
  accessSeq: number;
  /** How far the relay had published the organization's events at that read: the least the event log must hold for the first sync. */
  publishedSeq: number;
  sessionExpiresAt: number;
  connectedAt: string;
  /** The seq this socket was last synced to (replay or resync); live events follow from there. */
  lastSeq: number;
}

/** What a console sends in the handshake's `auth` field. */
export const handshakeAuthSchema = z.object({
  token: text().max(4096).optional(),
  lastSeq: z.number().int().nonnegative().optional(),
  topics: handshakeTopicsSchema.optional()
});
