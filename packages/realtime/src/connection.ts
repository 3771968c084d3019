import { handshakeAuthSchema, type ServerStatus } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import type { Logger } from "pino";
import { SessionExpiry } from "./auth/authenticate";
import type { Delivery } from "./delivery/delivery";
import { MessageGuard } from "./guard/message-guard";
import { createDispatcher } from "./handlers/dispatch";
import { createPresenceRequests } from "./handlers/presence";
import type { RequestHandlers } from "./handlers/request-handler";
import { createSyncRequests } from "./handlers/sync";
import { createTicketPresenceRequests } from "./handlers/ticket-presence";
import { createTopicRequests } from "./handlers/topics";
import type { RealtimeSocket } from "./io-types";
import type { RealtimeMetrics } from "./ops/metrics";
import type { RealtimeOptions } from "./options";
import type { PresenceService } from "./presence/presence-service";
import type { TicketPresenceService } from "./ticket-presence/ticket-presence-service";

export interface ConnectionDeps {
  db: DbClient;
  delivery: Delivery;
  presence: PresenceService;
  ticketPresence: TicketPresenceService;
  metrics: RealtimeMetrics;
  options: RealtimeOptions;
  logger: Logger;
  status(): ServerStatus;
}

/**
 * Everything that happens to an authenticated socket, in an order that leaves no gap for events.
 * The handlers are made once per node and find the socket as an argument (or `this`): an idle
 * console costs its Socket.IO objects, its rooms and presence entry, a timer, and no closures.
 */
export function createConnectionHandler(deps: ConnectionDeps): (socket: RealtimeSocket) => void {
  const { delivery, presence, ticketPresence, logger } = deps;
  const handlers: RequestHandlers = {
    ...createTopicRequests(deps.db, delivery, presence),
    ...createSyncRequests(delivery, deps.options.syncRateLimit),
    ...createPresenceRequests(presence),
    ...createTicketPresenceRequests(deps.db, ticketPresence)
  };
  const guard = new MessageGuard({ options: deps.options, metrics: deps.metrics, logger });
  const dispatch = createDispatcher(handlers, guard, logger);
  const expiry = new SessionExpiry();

  function onDisconnect(this: RealtimeSocket, reason: string): void {
    expiry.cancel(this);
    delivery.detach(this);
    presence.disconnect(this);
    ticketPresence.disconnect(this);
    logger.debug({ socketId: this.id, userId: this.data.user.id, reason }, "socket disconnected");
  }

  return (socket) => {
    const { user } = socket.data;
    const auth = handshakeAuthSchema.parse(socket.handshake.auth ?? {});
    // The credentials are spent: a socket open for hours need not hold its token in memory.
    socket.handshake.auth = {};
    // Buffering starts before anything async so no live event can pass between replay and live.
    delivery.attach(socket, auth.topics);
    socket.onAny(dispatch);
    socket.on("disconnect", onDisconnect);

    socket.emit("server:status", deps.status());
    presence.connect(socket);

    delivery
      .sync(socket, auth.lastSeq, socket.data.publishedSeq)
      .catch((error: unknown) => logger.error({ err: error, socketId: socket.id, userId: user.id }, "initial sync failed"));
    // Last: an already-ended session disconnects at once, through onDisconnect.
    expiry.schedule(socket);
    logger.debug({ socketId: socket.id, userId: user.id, orgId: user.orgId, lastSeq: auth.lastSeq }, "socket connected");
  };
}
