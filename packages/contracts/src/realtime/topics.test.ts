import { describe, expect, it } from "vitest";
import { handshakeTopicsSchema, topicsMatch, topicsSubscribeSchema, MAX_TOPICS_PER_SOCKET } from "./topics";

const TICKET = "0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11";
const OTHER = "5a0e8c0d-6f43-4d1b-8a3e-2b7c9d0e1f22";

describe("topics", () => {
  it("matches an event to its family, and a ticket's events to that ticket's topic only", () => {
    const reply = { type: "ticket.reply_created", subject: { kind: "ticket", id: TICKET } } as const;
    expect(topicsMatch(new Set(["tickets"]), reply)).toBe(true);
    expect(topicsMatch(new Set([`ticket:${TICKET}`]), reply)).toBe(true);
    expect(topicsMatch(new Set([`ticket:${OTHER}`]), reply)).toBe(false);
    expect(topicsMatch(new Set(["calls", "extensions"]), reply)).toBe(false);
    const status = { type: "extension.status_changed", subject: { kind: "extension", id: TICKET } } as const;
    expect(topicsMatch(new Set(["extensions"]), status)).toBe(true);
    // A ticket topic never matches another family's event with the same id.
    expect(topicsMatch(new Set([`ticket:${TICKET}`]), status)).toBe(false);
  });

  it("accepts families and ticket ids, refusing anything else by name", () => {
    expect(topicsSubscribeSchema.parse({ topics: ["calls", "calls", `ticket:${TICKET}`], since: 4 })).toEqual({
      topics: ["calls", `ticket:${TICKET}`],
      since: 4
    });
    const bad = topicsSubscribeSchema.safeParse({ topics: ["org:anything"], since: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain("a topic is one of calls, extensions");
    expect(topicsSubscribeSchema.safeParse({ topics: ["ticket:not-a-uuid"], since: 0 }).success).toBe(false);
    expect(topicsSubscribeSchema.safeParse({ topics: [], since: 0 }).success).toBe(false);
    expect(topicsSubscribeSchema.safeParse({ topics: ["calls"], since: -1 }).success).toBe(false);
  });

  it("bounds the handshake's topics", () => {
    expect(handshakeTopicsSchema.parse({ calls: 3, [`ticket:${TICKET}`]: 1 })).toEqual({ calls: 3, [`ticket:${TICKET}`]: 1 });
    const many = Object.fromEntries(
      Array.from({ length: MAX_TOPICS_PER_SOCKET + 1 }, (_, i) => [`ticket:${TICKET.slice(0, -2)}${String(i).padStart(2, "0")}`, 0])
    );
    expect(handshakeTopicsSchema.safeParse(many).success).toBe(false);
    expect(handshakeTopicsSchema.safeParse({ "calls\u0000": 0 }).success).toBe(false);
  });
});
