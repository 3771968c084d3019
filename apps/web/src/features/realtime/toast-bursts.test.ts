import { describe, expect, it } from "vitest";
import { BURST_GAP_MS, summarizeBurst, ToastBursts, type ToastNote } from "./toast-bursts";

const note = (subjectId: string, extra: Partial<ToastNote> = {}): ToastNote => ({
  actorId: "u-ada",
  actorName: "Ada Admin",
  kind: "extension",
  subjectId,
  verb: "updated",
  message: `Ada Admin updated extension ${subjectId}`,
  ...extra
});

describe("toast bursts", () => {
  it("a single change reads as its own toast", () => {
    expect(summarizeBurst([note("104")])).toBe("Ada Admin updated extension 104");
    // Several changes to one thing: the latest says it.
    expect(summarizeBurst([note("104"), note("104", { message: "Ada Admin disabled extension 104" })])).toBe("Ada Admin disabled extension 104");
  });

  it("many changes read as a count, by verb and kind", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => note(`1${i}`));
    expect(summarizeBurst(twelve)).toBe("Ada Admin changed 12 extensions");
    expect(summarizeBurst([note("a", { verb: "deleted", kind: "trunk" }), note("b", { verb: "deleted", kind: "trunk" })])).toBe("Ada Admin deleted 2 trunks");
    expect(summarizeBurst([note("a"), note("b", { kind: "trunk" })])).toBe("Ada Admin made 2 changes");
    expect(summarizeBurst([note("a", { kind: "webhook_endpoint" }), note("b", { kind: "webhook_endpoint" })])).toBe("Ada Admin changed 2 webhook endpoints");
  });

  it("updates one toast while a person's changes keep coming, and starts a new one after a pause or for someone else", () => {
    const bursts = new ToastBursts();
    const first = bursts.add(note("1"), 0);
    expect(first.text).toBe("Ada Admin updated extension 1");
    let last = first;
    for (let i = 2; i <= 12; i += 1) last = bursts.add(note(String(i)), i * 100);
    expect(last).toEqual({ toastId: first.toastId, text: "Ada Admin changed 12 extensions" });

    const sam = bursts.add(note("9", { actorId: "u-sam", actorName: "Sam Supervisor", message: "Sam Supervisor updated extension 9" }), 1250);
    expect(sam.toastId).not.toBe(first.toastId);
    expect(sam.text).toBe("Sam Supervisor updated extension 9");

    const later = bursts.add(note("13"), 1200 + BURST_GAP_MS + 1);
    expect(later.toastId).not.toBe(first.toastId);
    expect(later.text).toBe("Ada Admin updated extension 13");
  });
});
