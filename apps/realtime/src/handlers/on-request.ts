import type { Ack, AckCallback, ClientToServerEvents } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { z } from "zod";
import type { MessageGuard } from "../guard/message-guard";
import type { RealtimeSocket } from "../io-types";

type AckDataOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

export interface HandlerContext {
  socket: RealtimeSocket;
  guard: MessageGuard;
  logger: Logger;
}

/**
 * Registers a client→server handler: the payload is validated with its schema (a bad one is a
 * strike and an error ack), the handler's outcome or failure always answers the ack. The guard
 * has already ensured the event is known and carries an ack.
 */
export function onRequest<E extends keyof ClientToServerEvents, S extends z.ZodType>(
  ctx: HandlerContext,
  event: E,
  schema: S,
  handler: (input: z.infer<S>) => Promise<Ack<AckDataOf<E>>>
): void {
  const listener = (...args: unknown[]) => {
    const ack = args[args.length - 1] as AckCallback<AckDataOf<E>>;
    const parsed = schema.safeParse(args.length >= 2 ? args[0] : undefined);
    if (!parsed.success) {
      ctx.guard.strike("bad_payload");
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      ack({ ok: false, error: { code: "bad_request", message: `invalid ${event} request: ${where}${issue?.message ?? "bad shape"}` } });
      return;
    }
    handler(parsed.data).then(ack, (error: unknown) => {
      ctx.logger.error({ err: error, event, socketId: ctx.socket.id }, "handler failed");
      ack({ ok: false, error: { code: "internal", message: "internal error" } });
    });
  };
  ctx.socket.on(event, listener as never);
}
