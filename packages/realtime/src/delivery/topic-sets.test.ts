import type { DomainEvent } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { startOfEvent, TopicSets } from "./topic-sets";

const TICKET = "0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11";
const event = (type: DomainEvent["type"], id = TICKET) => ({ type, subject: { kind: "ticket", id } }) as unknown as DomainEvent;

describe("TopicSets", () => {
  it("hands every socket with the same topics the same set, whatever the order", () => {
    const sets = new TopicSets();
    expect(sets.of(["calls", "extensions"])).toBe(sets.of(["extensions", "calls", "calls"]));
    expect(sets.of(["calls"])).not.toBe(sets.of(["calls", "extensions"]));
  });
});

describe("startOfEvent", () => {
  it("starts added topics at the page's snapshot and everything already held at the position", () => {
    const start = startOfEvent(new Set(["extensions", "trunks"]), new Map([["trunks", 10]]), 50);
    expect(start(event("trunk.updated"))).toBe(10);
    expect(start(event("extension.updated"))).toBe(50);
    // Not a held topic: never wanted.
    expect(start(event("call.started"))).toBe(Number.POSITIVE_INFINITY);
  });

  it("backfills a new ticket topic from its own start even under a held tickets family (held perhaps only from later)", () => {
    const held = new Set(["tickets", `ticket:${TICKET}`]);
    expect(startOfEvent(held, new Map([[`ticket:${TICKET}`, 10]]), 50)(event("ticket.reply_created"))).toBe(10);
    expect(startOfEvent(held, new Map([["tickets", 30]]), 50)(event("ticket.reply_created"))).toBe(30);
    const alone = new Set([`ticket:${TICKET}`]);
    expect(startOfEvent(alone, new Map([[`ticket:${TICKET}`, 10]]), 50)(event("ticket.reply_created"))).toBe(10);
  });
});
