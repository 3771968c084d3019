import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { IntegrationDeps } from "./deps";
import { payloadFor, readEvent } from "./endpoint-events";
import { sendDelivery } from "./send-delivery";

export const sendOnceJobSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("test"), endpointId: z.string() }),
  z.object({ kind: z.literal("redelivery"), endpointId: z.string(), eventId: z.string(), attempt: z.number().int() })
]);
export type SendOnceJob = z.infer<typeof sendOnceJobSchema>;

/** A test event, or one past event again: outside the endpoint's sequence, recorded in its log. */
export async function sendOnce(deps: IntegrationDeps, job: SendOnceJob): Promise<void> {
  const endpoint = await deps.db.webhookEndpoint.findUnique({ where: { id: job.endpointId } });
  if (!endpoint) return;
  if (job.kind === "test") {
    const id = randomUUID();
    const body = JSON.stringify({
      id,
      orgId: endpoint.organizationId,
      seq: 0,
      type: "webhook.test",
      at: new Date().toISOString(),
      actor: null,
      subject: { kind: "webhook", id: endpoint.id },
      data: { message: "A test event from Switchboard: your endpoint is reachable and the signature can be checked." }
    });
    await sendDelivery(deps, endpoint, { eventId: id, eventType: "webhook.test", eventSeq: null, body }, 1, "test");
    return;
  }
  const event = await readEvent(deps.db, endpoint.organizationId, job.eventId);
  const payload = event ? payloadFor({ ...endpoint, eventTypes: [] }, event) : null;
  if (!payload) return;
  await sendDelivery(
    deps,
    endpoint,
    { eventId: payload.id, eventType: payload.type, eventSeq: payload.seq, body: JSON.stringify(payload) },
    job.attempt,
    "redelivery"
  );
}
