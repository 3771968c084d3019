import { handshakeAuthSchema } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import type { Logger } from "pino";
import { scheduleSessionExpiry } from "./auth/authenticate";
import type { Delivery } from "./delivery/delivery";
import { MessageGuard } from "./guard/message-guard";
import { registerPresenceHandlers } from "./handlers/presence";
import { registerRoomHandlers } from "./handlers/rooms";
import { registerSyncHandlers } from "./handlers/sync";
import { registerTicketPresenceHandlers } from "./handlers/ticket-presence";
import { rooms, type RealtimeSocket } from "./io-types";
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
  status(): { live: boolean; nodeId: string };
}

/** Everything that happens to an authenticated socket, in an order that leaves no gap for events. */
export function setUpConnection(socket: RealtimeSocket, deps: ConnectionDeps): void {
  const { user } = socket.data;
  // Buffering starts before anything async so no live event can pass between replay and live.
  deps.delivery.attach(socket);
  const logger = deps.logger.child({ socketId: socket.id, userId: user.id, orgId: user.orgId });
  const guard = new MessageGuard(socket, { options: deps.options, metrics: deps.metrics, logger });
  const ctx = { socket, guard, logger };
  registerRoomHandlers(ctx, deps.db);
  registerSyncHandlers(ctx, deps.delivery);
  registerPresenceHandlers(ctx, deps.presence);
  registerTicketPresenceHandlers(ctx, deps.db, deps.ticketPresence);

  socket.emit("server:status", deps.status());
  void socket.join([rooms.org(user.orgId), rooms.user(user.id)]);
  const cancelExpiry = scheduleSessionExpiry(socket);
  deps.presence.connect(socket);

  const auth = handshakeAuthSchema.parse(socket.handshake.auth ?? {});
  deps.delivery.sync(socket, auth.lastSeq).catch((error: unknown) => logger.error({ err: error }, "initial sync failed"));

  socket.on("disconnect", (reason) => {
    cancelExpiry();
    deps.delivery.detach(socket);
    deps.presence.disconnect(socket);
    logger.debug({ reason }, "socket disconnected");
  });
  logger.debug({ lastSeq: auth.lastSeq }, "socket connected");
}
