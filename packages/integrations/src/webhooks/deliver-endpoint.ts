import type { Logger } from "pino";
import type { DomainEvent } from "@switchboard/contracts";
import type { IntegrationDeps } from "./deps";
import { disableFailingEndpoint } from "./disable-endpoint";
import { payloadFor, readEventsAfter } from "./endpoint-events";
import { sendDelivery } from "./send-delivery";

const BATCH = 100;

/** Thrown to hand the endpoint back to the queue, which retries it with backoff and jitter. */
class DeliveryFailedError extends Error {
  constructor(endpointId: string, detail: string) {
    super(`webhook ${endpointId}: ${detail}`);
    this.name = "DeliveryFailedError";
  }
}

/**
 * The webhook-deliver job: delivers an endpoint's pending events in seq order, from its own
 * position, advancing the position after each success (at-least-once: a crash between the POST and
 * the advance delivers that event again). Events it does not take (other types, not visible to an
 * admin) are stepped over. On a failure the job throws and the queue retries it later, unless the
 * endpoint has been failing for longer than the give-up period: then it is disabled and its admins
 * are notified. The queue runs one job per endpoint at a time; the position only moves by
 * compare-and-set, so a second runner could never move it backwards or past an undelivered event.
 */
export async function deliverEndpoint(deps: IntegrationDeps, endpointId: string, logger: Logger): Promise<{ delivered: number }> {
  const { db } = deps;
  let delivered = 0;
  for (;;) {
    const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId } });
    if (!endpoint?.enabled) return { delivered };
    const events = await readEventsAfter(db, endpoint.organizationId, endpoint.position, BATCH);
    if (events.length === 0) return { delivered };
    let position = endpoint.position;
    for (const event of events) {
      const payload = payloadFor(endpoint, event);
      if (payload) {
        const outcome = await deliverEvent(deps, endpoint, payload, position);
        if (outcome === "moved") return { delivered };
        if (outcome !== "ok") {
          if (await recordFailure(deps, endpointId, outcome.detail, logger)) return { delivered };
          throw new DeliveryFailedError(endpointId, outcome.detail);
        }
        delivered++;
      } else if (!(await advance(deps, endpointId, position, BigInt(event.seq), false))) {
        return { delivered };
      }
      position = BigInt(event.seq);
    }
  }
}

type EventOutcome = "ok" | "moved" | { detail: string };

async function deliverEvent(
  deps: IntegrationDeps,
  endpoint: Parameters<typeof sendDelivery>[1] & { consecutiveFailures: number },
  payload: DomainEvent,
  position: bigint
): Promise<EventOutcome> {
  const body = JSON.stringify(payload);
  const outcome = await sendDelivery(
    deps,
    endpoint,
    { eventId: payload.id, eventType: payload.type, eventSeq: payload.seq, body },
    endpoint.consecutiveFailures + 1,
    "event"
  );
  if (!outcome.ok) return { detail: outcome.statusCode === null ? outcome.excerpt : `HTTP ${outcome.statusCode}` };
  return (await advance(deps, endpoint.id, position, BigInt(payload.seq), true)) ? "ok" : "moved";
}

/** Moves the position from `from` to `to` if nobody moved it meanwhile; a success also ends a failure streak. */
async function advance(deps: IntegrationDeps, endpointId: string, from: bigint, to: bigint, delivered: boolean): Promise<boolean> {
  const changed = await deps.db.$executeRawUnsafe(
    delivered
      ? `UPDATE webhook_endpoints SET position = $3, consecutive_failures = 0, failing_since = NULL, last_delivery_at = now() WHERE id = $1::uuid AND position = $2`
      : `UPDATE webhook_endpoints SET position = $3 WHERE id = $1::uuid AND position = $2`,
    endpointId,
    from,
    to
  );
  return changed === 1;
}

/** Counts the failure; true when it ended the endpoint's give-up period and the endpoint was disabled. */
async function recordFailure(deps: IntegrationDeps, endpointId: string, detail: string, logger: Logger): Promise<boolean> {
  const rows = await deps.db.$queryRawUnsafe<{ failing_since: Date }[]>(
    `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, now())
      WHERE id = $1::uuid RETURNING failing_since`,
    endpointId
  );
  const since = rows[0]?.failing_since;
  if (!since) return false;
  const failingMs = Date.now() - new Date(since).getTime();
  if (failingMs < deps.settings.webhook.giveUpAfterMs) return false;
  const reason = `disabled after failing for ${formatDuration(failingMs)}; last error: ${detail}`;
  logger.warn({ endpointId, failingMs, detail }, "webhook endpoint disabled after failing too long");
  await disableFailingEndpoint(deps.db, endpointId, reason);
  return true;
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 120) return `${Math.round(minutes / 60)} hours`;
  if (minutes >= 1) return `${minutes} minutes`;
  return `${Math.round(ms / 1000)} seconds`;
}
