import { canSeeInternalTicketData } from "@switchboard/auth";
import { ticketObserveSchema, ticketTypingSchema, ticketUnwatchSchema, ticketWatchSchema, type AckError } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import { TokenBucket } from "../guard/token-bucket";
import { maySeeTicketViewers, ticketAccessOf } from "../ticket-presence/ticket-presence-access";
import { viewersRoom, type TicketPresenceService } from "../ticket-presence/ticket-presence-service";
import type { RealtimeSocket } from "../io-types";
import { defineRequest, type RequestHandlers } from "./request-handler";

const STAFF_ONLY: AckError = { code: "forbidden", message: "only staff see who is viewing a ticket" };
const RATE_LIMITED: AckError = { code: "rate_limited", message: "too many ticket presence messages; slow down" };
const notFound = (ticketId: string): AckError => ({ code: "not_found", message: `ticket ${ticketId} does not exist` });

/** A socket's ticket-presence state, made on its first ticket message: most consoles never send one. */
interface TicketSocketState {
  bucket: TokenBucket;
  observed: Set<string>;
}

type TicketEvent = "ticket:watch" | "ticket:typing" | "ticket:unwatch" | "ticket:observe";

/**
 * Collision detection. Who is viewing a ticket is internal to the helpdesk: only staff who may read
 * the ticket may watch it, observe it from a list, or hear its viewers; customers are refused and
 * never appear. Access is checked with fresh ticket facts on every watch and observe, and again by
 * the service every few seconds (a ticket moved to another office stops reaching its old agents).
 */
export function createTicketPresenceRequests(db: DbClient, presence: TicketPresenceService): Pick<RequestHandlers, TicketEvent> {
  const states = new WeakMap<RealtimeSocket, TicketSocketState>();
  const stateOf = (socket: RealtimeSocket): TicketSocketState => {
    let state = states.get(socket);
    if (!state) {
      // Typing is throttled by clients to one message per 2 s per ticket; this is room for a few tickets and tabs' worth of bursts.
      state = { bucket: new TokenBucket(20, 5), observed: new Set() };
      states.set(socket, state);
    }
    return state;
  };
  const readable = async (socket: RealtimeSocket, ticketIds: readonly string[]): Promise<Set<string>> => {
    const access = await ticketAccessOf(db, ticketIds);
    return new Set(ticketIds.filter((id) => maySeeTicketViewers(socket.data.user, access.get(id))));
  };

  return {
    "ticket:watch": defineRequest(ticketWatchSchema, async (socket, { ticketId, composing }) => {
      if (!canSeeInternalTicketData(socket.data.user)) return { ok: false, error: STAFF_ONLY };
      if (!stateOf(socket).bucket.take()) return { ok: false, error: RATE_LIMITED };
      if (!(await readable(socket, [ticketId])).has(ticketId)) return { ok: false, error: notFound(ticketId) };
      return { ok: true, data: await presence.watch(socket, ticketId, composing ?? false) };
    }),

    "ticket:typing": defineRequest(ticketTypingSchema, async (socket, { ticketId, typing }) => {
      if (!canSeeInternalTicketData(socket.data.user)) return { ok: false, error: STAFF_ONLY };
      if (!stateOf(socket).bucket.take()) return { ok: false, error: RATE_LIMITED };
      if (!(await presence.typing(socket, ticketId, typing))) {
        return { ok: false, error: { code: "bad_request", message: `watch ticket ${ticketId} (ticket:watch) before typing on it` } };
      }
      return { ok: true, data: null };
    }),

    "ticket:unwatch": defineRequest(ticketUnwatchSchema, async (socket, { ticketId }) => {
      await presence.unwatch(socket, ticketId, states.get(socket)?.observed.has(ticketId) ?? false);
      return { ok: true, data: null };
    }),

    "ticket:observe": defineRequest(ticketObserveSchema, async (socket, { ticketIds }) => {
      if (!canSeeInternalTicketData(socket.data.user)) return { ok: false, error: STAFF_ONLY };
      const state = stateOf(socket);
      if (!state.bucket.take()) return { ok: false, error: RATE_LIMITED };
      const allowed = await readable(socket, [...new Set(ticketIds)]);
      if (!socket.connected) return { ok: false, error: { code: "bad_request", message: "disconnected" } };
      const watched = new Set(presence.watchedBy(socket));
      const leaving = [...state.observed].filter((id) => !allowed.has(id) && !watched.has(id));
      state.observed = allowed;
      await Promise.all([...leaving.map((id) => socket.leave(viewersRoom(id))), socket.join([...allowed].map(viewersRoom))]);
      return { ok: true, data: { tickets: await presence.read([...allowed]) } };
    })
  };
}
