import type { TopicFamily } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { ConsoleTracker, type PageFilter } from "./console-tracker";

describe("ConsoleTracker", () => {
  it("accepts a gap-free stream and resumes from the last seq", () => {
    const t = new ConsoleTracker("o", true, 10);
    for (const seq of [11, 12, 13]) t.onEvent(seq, "extensions");
    t.onSynced(13);
    expect(t.lastSeq).toBe(13);
    expect(t.lost(13)).toBe(0);
    expect(t.caughtUp(13)).toBe(true);
    expect([t.duplicates, t.outOfOrder]).toEqual([0, 0]);
  });

  it("tells duplicates, late arrivals and losses apart", () => {
    const t = new ConsoleTracker("o", true, 0);
    for (const seq of [1, 3, 2, 2, 6]) t.onEvent(seq, "extensions");
    expect(t.outOfOrder).toBe(1);
    expect(t.duplicates).toBe(1);
    expect(t.lost(7)).toBe(3);
    expect(t.caughtUp(6)).toBe(false);
  });

  it("counts a sync past what arrived as missing, and anything reaching a viewer who may not see it", () => {
    const t = new ConsoleTracker("o", true, 5);
    t.onSynced(8);
    expect(t.lost(8)).toBe(3);
    const customer = new ConsoleTracker("o", false, 5);
    customer.onSynced(8);
    expect(customer.lost(8)).toBe(0);
    customer.onEvent(9, "extensions");
    expect(customer.unauthorized).toBe(1);
  });
});

/** An organization's stream from seq 11: the family of each event. */
const STREAM: TopicFamily[] = ["extensions", "tickets", "extensions", "users", "extensions", "tickets", "users"];

function operatorPage(families: readonly (TopicFamily | undefined)[] = STREAM): PageFilter {
  return { topics: new Set<TopicFamily>(["extensions", "calls"]), familyOf: (seq) => families[seq - 11] };
}

describe("ConsoleTracker on a page (topics)", () => {
  it("expects only its topics' events: gaps of other families are not losses", () => {
    const t = new ConsoleTracker("o", true, 10, operatorPage());
    for (const seq of [11, 13, 15]) t.onEvent(seq, "extensions");
    expect(t.lastSeq).toBe(15);
    expect(t.lost(17)).toBe(0);
    expect(t.caughtUp(17)).toBe(true);
    expect([t.received, t.duplicates, t.outOfOrder, t.offTopic]).toEqual([3, 0, 0, 0]);
  });

  it("counts an event outside its topics as off-topic, not as received", () => {
    const t = new ConsoleTracker("o", true, 10, operatorPage());
    t.onEvent(11, "extensions");
    t.onEvent(12, "tickets");
    t.onEvent(13, "extensions");
    expect([t.received, t.offTopic, t.outOfOrder]).toEqual([2, 1, 0]);
  });

  it("finds a missing event of its topics, and tells a late one and a repeated one apart", () => {
    const t = new ConsoleTracker("o", true, 10, operatorPage());
    t.onEvent(11, "extensions");
    t.onEvent(15, "extensions");
    expect(t.lost(17)).toBe(1);
    expect(t.caughtUp(17)).toBe(false);
    t.onEvent(13, "extensions");
    t.onEvent(13, "extensions");
    expect([t.outOfOrder, t.duplicates]).toEqual([1, 1]);
    expect(t.lost(17)).toBe(0);
    expect(t.caughtUp(17)).toBe(true);
  });

  it("counts an expected event after the last arrival as lost, and one of unknown family as expected", () => {
    const t = new ConsoleTracker("o", true, 10, operatorPage([...STREAM, "extensions", undefined]));
    for (const seq of [11, 13, 15]) t.onEvent(seq, "extensions");
    expect(t.lost(18)).toBe(1);
    expect(t.lost(19)).toBe(2);
  });

  it("counts a sync past what arrived as missing only for its topics", () => {
    const t = new ConsoleTracker("o", true, 10, operatorPage());
    t.onSynced(16);
    expect(t.lastSeq).toBe(16);
    expect(t.lost(16)).toBe(3);
    const late = new ConsoleTracker("o", true, 10, operatorPage());
    for (const seq of [11, 13, 15]) late.onEvent(seq, "extensions");
    late.onSynced(17);
    expect(late.lost(17)).toBe(0);
  });

  it("stays exact over many gaps (passed-over ranges of other families are dropped)", () => {
    const families: TopicFamily[] = Array.from({ length: 400 }, (_, i) => (i % 4 === 3 ? "tickets" : "extensions"));
    const t = new ConsoleTracker("o", true, 10, operatorPage(families));
    for (let seq = 11; seq <= 410; seq++) if (families[seq - 11] === "extensions" && seq !== 200) t.onEvent(seq, "extensions");
    expect(t.lost(410)).toBe(1);
    t.onEvent(200, "extensions");
    expect([t.outOfOrder, t.duplicates]).toEqual([1, 0]);
    expect(t.caughtUp(410)).toBe(true);
  });
});
