import type { AckCallback } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { MessageGuard } from "../guard/message-guard";
import type { RealtimeSocket } from "../io-types";
import type { ClientEvent, RequestHandler, RequestHandlers } from "./request-handler";

export type SocketDispatcher = (this: RealtimeSocket, event: unknown, ...args: unknown[]) => void;

/**
 * The node's one catch-all listener (socket.onAny, called with the socket as `this`): rate limit,
 * known event, ack present, payload valid — then the event's shared handler. A bad payload is a
 * strike and an error ack; the handler's outcome or failure always answers the ack.
 */
export function createDispatcher(handlers: RequestHandlers, guard: MessageGuard, logger: Logger): SocketDispatcher {
  const find = (event: unknown): RequestHandler | undefined =>
    typeof event === "string" && Object.hasOwn(handlers, event) ? handlers[event as ClientEvent] : undefined;

  return function dispatch(this: RealtimeSocket, event: unknown, ...args: unknown[]): void {
    const last = args[args.length - 1];
    const ack = typeof last === "function" ? (last as AckCallback<unknown>) : undefined;
    if (!guard.admit(this, ack)) return;
    const handler = find(event);
    if (!handler) {
      ack?.({ ok: false, error: { code: "bad_request", message: `unknown event "${String(event).slice(0, 50)}"` } });
      guard.strike(this, "unknown_event");
      return;
    }
    if (!ack) {
      guard.strike(this, "missing_ack");
      return;
    }
    const parsed = handler.schema.safeParse(args.length >= 2 ? args[0] : undefined);
    if (!parsed.success) {
      guard.strike(this, "bad_payload");
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      ack({ ok: false, error: { code: "bad_request", message: `invalid ${String(event)} request: ${where}${issue?.message ?? "bad shape"}` } });
      return;
    }
    const socketId = this.id;
    handler.handle(this, parsed.data).then(ack, (error: unknown) => {
      logger.error({ err: error, event, socketId }, "handler failed");
      ack({ ok: false, error: { code: "internal", message: "internal error" } });
    });
  };
}
