import { syncRequestSchema, type Ack, type SyncResult } from "@switchboard/contracts";
import { SyncBusyError, type Delivery } from "../delivery/delivery";
import { onRequest, type HandlerContext } from "./on-request";

export function registerSyncHandlers(ctx: HandlerContext, delivery: Delivery): void {
  onRequest(ctx, "sync:request", syncRequestSchema, async ({ lastSeq }): Promise<Ack<SyncResult>> => {
    try {
      const result = await delivery.sync(ctx.socket, lastSeq);
      if (!result) return { ok: false, error: { code: "internal", message: "sync abandoned" } };
      return { ok: true, data: result };
    } catch (error) {
      if (error instanceof SyncBusyError) return { ok: false, error: { code: "bad_request", message: error.message } };
      throw error;
    }
  });
}
