import { describe, expect, it } from "vitest";
import { MemoryTicketPresenceStore } from "./memory-ticket-presence-store";
import { digestOf, type WatchInput } from "./ticket-presence-store";

const tab = (socketId: string, userId: string, since = "2026-01-01T00:00:00.000Z"): WatchInput => ({ socketId, userId, name: userId, role: "agent", since });

describe("ticket presence store (memory)", () => {
  it("expires entries nobody refreshes, keeps refreshed ones, and lets typing run out on its own", async () => {
    let now = 1_000;
    const store = new MemoryTicketPresenceStore({ ttlMs: 1_000, typingTtlMs: 300, now: () => now });
    await store.put("t1", tab("s1", "ana"), false);
    expect(digestOf(await store.put("t1", tab("s2", "bo"), true))).toBe("ana,bo+");

    now += 299;
    expect(digestOf((await store.read(["t1"]))[0] ?? { ticketId: "", viewers: [], at: 0 })).toBe("ana,bo+");
    now += 1;
    // A heartbeat keeps the entry but never revives typing.
    await store.refresh([{ ticketId: "t1", input: tab("s2", "bo") }]);
    const [afterTyping] = await store.read(["t1"]);
    expect(afterTyping && digestOf(afterTyping)).toBe("ana,bo");

    now += 800;
    // Ana was never refreshed: gone after her ttl; Bo's heartbeat keeps him.
    const [later] = await store.read(["t1"]);
    expect(later?.viewers.map((v) => v.userId)).toEqual(["bo"]);
    expect(later?.at).toBe(now);
  });

  it("merges a user's tabs (typing in any, earliest since) and removes by socket", async () => {
    const store = new MemoryTicketPresenceStore({ ttlMs: 10_000, typingTtlMs: 5_000 });
    await store.put("t1", tab("s1", "ana", "2026-01-01T00:00:05.000Z"), false);
    const both = await store.put("t1", tab("s2", "ana", "2026-01-01T00:00:01.000Z"), true);
    expect(both.viewers).toEqual([{ userId: "ana", name: "ana", role: "agent", typing: true, since: "2026-01-01T00:00:01.000Z" }]);
    const one = await store.remove("t1", "s2");
    expect(one.viewers).toEqual([{ userId: "ana", name: "ana", role: "agent", typing: false, since: "2026-01-01T00:00:05.000Z" }]);
    expect((await store.remove("t1", "s1")).viewers).toEqual([]);
    expect(await store.read(["t1", "unknown"])).toMatchObject([
      { ticketId: "t1", viewers: [] },
      { ticketId: "unknown", viewers: [] }
    ]);
  });
});
