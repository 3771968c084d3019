import { describe, expect, it } from "vitest";
import { SimTimeline } from "./sim-clock";
import { amiEvent } from "./sim-events";

const event = (linkedid: string, at: number) => amiEvent("Newstate", "call,all", at, { Channel: `PJSIP/${linkedid}`, Linkedid: linkedid });

describe("SimTimeline", () => {
  it("plays in time order, ties in the order scheduled", () => {
    const timeline = new SimTimeline();
    timeline.schedule(event("b", 20), 20);
    timeline.schedule(event("a", 10), 10);
    timeline.schedule(event("c", 20), 20);
    expect([timeline.take(), timeline.take(), timeline.take()].map((d) => d?.message.fields.linkedid)).toEqual(["a", "b", "c"]);
  });

  it("drops a hung-up call's events, including the one the player took and is waiting to play", () => {
    const timeline = new SimTimeline();
    timeline.schedule(event("call-1", 10), 10);
    timeline.schedule(event("call-2", 15), 15);
    timeline.schedule(event("call-1", 20), 20);
    const waiting = timeline.take();
    expect(timeline.drop((m) => m.fields.linkedid === "call-1")).toBe(1);
    expect(waiting?.dropped).toBe(true);
    const next = timeline.take();
    expect(next?.message.fields.linkedid).toBe("call-2");
    expect(next?.dropped).toBeUndefined();
    expect(timeline.size).toBe(0);
  });
});
