import { syncRequestSchema } from "@switchboard/contracts";
import { SyncBusyError, type Delivery } from "../delivery/delivery";
import { TokenBucket } from "../guard/token-bucket";
import type { RealtimeSocket } from "../io-types";
import { defineRequest, type RequestHandlers } from "./request-handler";

/** A replay reads the log and sends up to thousands of events: each socket gets a few at once, then one per interval. */
export function createSyncRequests(delivery: Delivery, limit: { burst: number; perSecond: number }): Pick<RequestHandlers, "sync:request"> {
  const buckets = new WeakMap<RealtimeSocket, TokenBucket>();
  const refusal = `sync:request is limited to ${limit.burst} at once and one every ${Math.round(1 / limit.perSecond)} s per connection`;
  return {
    "sync:request": defineRequest(syncRequestSchema, async (socket, { lastSeq }) => {
      let bucket = buckets.get(socket);
      if (!bucket) buckets.set(socket, (bucket = new TokenBucket(limit.burst, limit.perSecond)));
      // Refused requests do not sink the bucket further: a console that waits gets its next sync.
      if (!bucket.take()) {
        bucket.refund();
        return { ok: false, error: { code: "rate_limited", message: refusal } };
      }
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
