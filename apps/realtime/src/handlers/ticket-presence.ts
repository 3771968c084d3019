import { canSeeInternalTicketData } from "@switchboard/auth";
import {
  ticketObserveSchema,
  ticketTypingSchema,
  ticketUnwatchSchema,
  ticketWatchSchema,
  type Ack,
  type AckError,
  type TicketViewers
} from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import { TokenBucket } from "../guard/token-bucket";
import { maySeeTicketViewers, ticketAccessOf } from "../ticket-presence/ticket-presence-access";
import { viewersRoom, type TicketPresenceService } from "../ticket-presence/ticket-presence-service";
import { onRequest, type HandlerContext } from "./on-request";

const STAFF_ONLY: AckError = { code: "forbidden", message: "only staff see who is viewing a ticket" };
const RATE_LIMITED: AckError = { code: "rate_limited", message: "too many ticket presence messages; slow down" };
const notFound = (ticketId: string): AckError => ({ code: "not_found", message: `ticket ${ticketId} does not exist` });

/**
 * Collision detection. Who is viewing a ticket is internal to the helpdesk: only staff who may read
 * the ticket may watch it, observe it from a list, or hear its viewers; customers are refused and
 * never appear. Access is checked with fresh ticket facts on every watch and observe, and again by
 * the service every few seconds (a ticket moved to another office stops reaching its old agents).
 */
export function registerTicketPresenceHandlers(ctx: HandlerContext, db: DbClient, presence: TicketPresenceService): void {
  const { socket } = ctx;
  const viewer = socket.data.user;
  // Typing is throttled by clients to one message per 2 s per ticket; this is room for a few tickets and tabs' worth of bursts.
  const bucket = new TokenBucket(20, 5);
  let observed = new Set<string>();

  const readable = async (ticketIds: readonly string[]): Promise<Set<string>> => {
    const access = await ticketAccessOf(db, ticketIds);
    return new Set(ticketIds.filter((id) => maySeeTicketViewers(viewer, access.get(id))));
  };

  onRequest(ctx, "ticket:watch", ticketWatchSchema, async ({ ticketId, composing }): Promise<Ack<TicketViewers>> => {
    if (!canSeeInternalTicketData(viewer)) return { ok: false, error: STAFF_ONLY };
    if (!bucket.take()) return { ok: false, error: RATE_LIMITED };
    if (!(await readable([ticketId])).has(ticketId)) return { ok: false, error: notFound(ticketId) };
    return { ok: true, data: await presence.watch(socket, ticketId, composing ?? false) };
  });

  onRequest(ctx, "ticket:typing", ticketTypingSchema, async ({ ticketId, typing }): Promise<Ack<null>> => {
    if (!canSeeInternalTicketData(viewer)) return { ok: false, error: STAFF_ONLY };
    if (!bucket.take()) return { ok: false, error: RATE_LIMITED };
    if (!(await presence.typing(socket, ticketId, typing))) {
      return { ok: false, error: { code: "bad_request", message: `watch ticket ${ticketId} (ticket:watch) before typing on it` } };
    }
    return { ok: true, data: null };
  });

  onRequest(ctx, "ticket:unwatch", ticketUnwatchSchema, async ({ ticketId }): Promise<Ack<null>> => {
    await presence.unwatch(socket, ticketId, observed.has(ticketId));
    return { ok: true, data: null };
  });

  onRequest(ctx, "ticket:observe", ticketObserveSchema, async ({ ticketIds }): Promise<Ack<{ tickets: TicketViewers[] }>> => {
    if (!canSeeInternalTicketData(viewer)) return { ok: false, error: STAFF_ONLY };
    if (!bucket.take()) return { ok: false, error: RATE_LIMITED };
    const allowed = await readable([...new Set(ticketIds)]);
    if (!socket.connected) return { ok: false, error: { code: "bad_request", message: "disconnected" } };
    const watched = new Set(presence.watchedBy(socket));
    const leaving = [...observed].filter((id) => !allowed.has(id) && !watched.has(id));
    observed = allowed;
    await Promise.all([...leaving.map((id) => socket.leave(viewersRoom(id))), socket.join([...allowed].map(viewersRoom))]);
    return { ok: true, data: { tickets: await presence.read([...allowed]) } };
  });

  socket.on("disconnect", () => presence.disconnect(socket));
}
