import { describe, expect, it } from "vitest";
import type { DomainEvent, WebhookDeliveryView } from "@switchboard/contracts";
import { applyDeliveryEvents } from "./apply-webhook-events";

const delivery = (id: string, endpointId = "w1"): WebhookDeliveryView => ({
  id,
  endpointId,
  kind: "event",
  eventId: `ev-${id}`,
  eventSeq: 1,
  eventType: "extension.created",
  attempt: 1,
  ok: true,
  statusCode: 200,
  latencyMs: 5,
  responseExcerpt: "ok",
  createdAt: "2026-01-01T00:00:00.000Z"
});
const recorded = (seq: number, data: WebhookDeliveryView): DomainEvent =>
  ({
    id: `e${seq}`,
    orgId: "o",
    seq,
    type: "webhook.delivery_recorded",
    at: "",
    actor: null,
    subject: { kind: "webhook", id: data.endpointId },
    data
  }) as DomainEvent;

describe("applyDeliveryEvents", () => {
  it("puts new attempts of this endpoint on top, once each, newest first", () => {
    const rows = applyDeliveryEvents(
      [delivery("a")],
      [recorded(1, delivery("b")), recorded(2, delivery("c")), recorded(3, delivery("b")), recorded(4, delivery("x", "w2"))],
      "w1"
    );
    expect(rows.map((r) => r.id)).toEqual(["c", "b", "a"]);
  });
});
