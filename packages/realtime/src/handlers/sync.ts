import { syncRequestSchema } from "@switchboard/contracts";
import { SyncBusyError, type Delivery } from "../delivery/delivery";
import { defineRequest, type RequestHandlers } from "./request-handler";

export function createSyncRequests(delivery: Delivery): Pick<RequestHandlers, "sync:request"> {
  return {
    "sync:request": defineRequest(syncRequestSchema, async (socket, { lastSeq }) => {
      try {
        const result = await delivery.sync(socket, lastSeq);
        if (!result) return { ok: false, error: { code: "internal", message: "sync abandoned" } };
        return { ok: true, data: result };
      } catch (error) {
        if (error instanceof SyncBusyError) return { ok: false, error: { code: "bad_request", message: error.message } };
        throw error;
      }
    })
  };
}
