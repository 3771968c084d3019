import { describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { EventBuffer } from "./event-buffer";
import { extensionEvent, extensionView, trunkEvent, trunkView } from "./test-events";

const ext = (seq: number) => extensionEvent(seq, "updated", extensionView("a", "104"));
const trunk = (seq: number) => trunkEvent(seq, "updated", trunkView("t", "Carrier A"));
const TICKET = "0a5e2c1e-2f4b-4c7d-9a1b-3c5d7e9f1a2b";
const ticketEvent = (seq: number, ticketId: string): DomainEvent =>
  ({
    id: `k${seq}`,
    orgId: "org",
    seq,
    at: "2026-01-01T00:00:00.000Z",
    actor: null,
    subject: { kind: "ticket", id: ticketId },
    type: "ticket.updated",
    data: {}
  }) as unknown as DomainEvent;
const seqs = (events: readonly DomainEvent[] | null | undefined) => events?.map((event) => event.seq);

/** A buffer at `head` holding extensions and trunks from `from`. */
function covered(head: number, from = head, capacity?: number): EventBuffer {
  const buffer = new EventBuffer(head, capacity);
  buffer.cover("extensions", from);
  buffer.cover("trunks", from);
  return buffer;
}

describe("EventBuffer", () => {
  it("drops duplicates by id", () => {
    const buffer = covered(10);
    expect(buffer.accept(ext(11))).toBe(true);
    expect(buffer.accept(ext(11))).toBe(false);
    expect(buffer.headSeq).toBe(11);
  });

  it("answers per topic, with only the asked topics' events", () => {
    const buffer = covered(10);
    for (const event of [ext(12), trunk(13), ext(15)]) buffer.accept(event);
    expect(seqs(buffer.since(10, ["extensions"]))).toEqual([12, 15]);
    expect(seqs(buffer.since(10, ["trunks"]))).toEqual([13]);
    expect(seqs(buffer.since(10, ["extensions", "trunks"]))).toEqual([12, 13, 15]);
    expect(seqs(buffer.since(12, ["extensions"]))).toEqual([15]);
    expect(buffer.since(20, ["extensions"])).toEqual([]);
    expect(buffer.since(10, [])).toEqual([]);
  });

  it("is a gap for a snapshot older than a topic's coverage, even when another topic covers it", () => {
    const buffer = new EventBuffer(10);
    buffer.cover("extensions", 5);
    buffer.cover("trunks", 10);
    expect(buffer.since(4, ["extensions"])).toBeNull();
    expect(buffer.since(5, ["extensions"])).toEqual([]);
    expect(buffer.since(7, ["extensions", "trunks"])).toBeNull();
    expect(buffer.since(7, ["extensions"])).toEqual([]);
  });

  it("says not yet while a topic is not held, and a gap first when another topic cannot vouch", () => {
    const buffer = new EventBuffer(10);
    buffer.cover("extensions", 10);
    expect(buffer.since(10, ["calls"])).toBeUndefined();
    expect(buffer.since(10, ["extensions", "calls"])).toBeUndefined();
    expect(buffer.since(9, ["extensions", "calls"])).toBeNull();
    buffer.cover("calls", 10);
    expect(buffer.since(10, ["extensions", "calls"])).toEqual([]);
    buffer.uncover("calls");
    expect(buffer.since(10, ["calls"])).toBeUndefined();
  });

  it("inserts a backfill older than its head in seq order and serves it once covered", () => {
    const buffer = new EventBuffer(20);
    buffer.cover("extensions", 20);
    buffer.accept(ext(21));
    // The trunks subscription's backfill from 12: events older than the head, then a newer one.
    for (const event of [trunk(14), trunk(18), trunk(22), trunk(24)]) expect(buffer.accept(event)).toBe(true);
    expect(buffer.since(12, ["trunks"])).toBeUndefined();
    buffer.cover("trunks", 12);
    expect(buffer.headSeq).toBe(24);
    expect(seqs(buffer.since(12, ["trunks"]))).toEqual([14, 18, 22, 24]);
    expect(buffer.since(12, ["extensions", "trunks"])).toBeNull();
    expect(seqs(buffer.since(20, ["extensions", "trunks"]))).toEqual([21, 22, 24]);
    expect(buffer.accept(trunk(18))).toBe(false);
  });

  it("matches one ticket's topic by subject, and the family with every ticket", () => {
    const buffer = new EventBuffer(0);
    buffer.cover(`ticket:${TICKET}`, 0);
    buffer.cover("tickets", 0);
    buffer.accept(ticketEvent(1, TICKET));
    buffer.accept(ticketEvent(2, "1b6f3d2f-3a5c-4d8e-8b2c-4d6e8f0a2b3c"));
    expect(seqs(buffer.since(0, [`ticket:${TICKET}`]))).toEqual([1]);
    expect(seqs(buffer.since(0, ["tickets"]))).toEqual([1, 2]);
  });

  it("advances its head after a sync without inventing events", () => {
    const buffer = covered(5);
    buffer.advanceTo(9);
    expect(buffer.headSeq).toBe(9);
    expect(buffer.since(5, ["extensions"])).toEqual([]);
    buffer.advanceTo(3);
    expect(buffer.headSeq).toBe(9);
  });

  it("starts every held topic over on reset, and keeps topics not held yet pending", () => {
    const buffer = covered(10, 2);
    buffer.accept(ext(12));
    buffer.reset(40);
    expect(buffer.headSeq).toBe(40);
    expect(buffer.since(39, ["extensions"])).toBeNull();
    expect(buffer.since(40, ["extensions"])).toEqual([]);
    expect(buffer.since(40, ["calls"])).toBeUndefined();
    // Covered later from before the reset: only from the reset on.
    buffer.cover("calls", 30);
    expect(buffer.since(35, ["calls"])).toBeNull();
    expect(buffer.accept(ext(39))).toBe(false);
    expect(buffer.accept(ext(41))).toBe(true);
    expect(seqs(buffer.since(40, ["extensions"]))).toEqual([41]);
  });

  it("stops vouching below what it evicted, whatever a topic's coverage says", () => {
    const buffer = covered(0, 0, 2);
    for (const event of [ext(1), trunk(2), ext(3)]) buffer.accept(event);
    expect(buffer.since(0, ["extensions"])).toBeNull();
    expect(buffer.since(0, ["trunks"])).toBeNull();
    expect(seqs(buffer.since(1, ["extensions", "trunks"]))).toEqual([2, 3]);
    // A backfill below what was evicted is useless to every view.
    expect(buffer.accept(trunk(1))).toBe(false);
  });

  it("evicts the oldest by seq, also when a backfill brought older events than the head", () => {
    const buffer = covered(10, 10, 3);
    buffer.accept(ext(11));
    buffer.accept(ext(12));
    // The trunks subscription's backfill from 4.
    buffer.accept(trunk(5));
    buffer.accept(trunk(8));
    buffer.cover("trunks", 4);
    expect(seqs(buffer.held(["extensions", "trunks"]))).toEqual([8, 11, 12]);
    expect(buffer.since(4, ["trunks"])).toBeNull();
    expect(seqs(buffer.since(5, ["trunks"]))).toEqual([8]);
    expect(seqs(buffer.since(10, ["extensions", "trunks"]))).toEqual([11, 12]);
  });

  it("gives every held event of some topics, whatever it can vouch for", () => {
    const buffer = new EventBuffer(0);
    buffer.accept(ext(3));
    buffer.accept(trunk(4));
    expect(seqs(buffer.held(["extensions"]))).toEqual([3]);
    expect(buffer.since(0, ["extensions"])).toBeUndefined();
  });
});
