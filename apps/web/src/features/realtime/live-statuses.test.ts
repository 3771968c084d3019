import { describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { applyExtensionStatusEvents, applyTrunkStatusEvents } from "./live-statuses";
import { extensionStatus as status } from "./test-events";

let seq = 0;
const event = (type: string, subjectId: string, data: unknown) =>
  ({ id: `e${++seq}`, orgId: "o", seq, type, at: "", actor: null, subject: { kind: type.split(".")[0], id: subjectId }, data }) as DomainEvent;

describe("applyExtensionStatusEvents", () => {
  it("replaces an extension's status with the newest event and drops deleted extensions", () => {
    const events = [
      event("extension.status_changed", "a", status("a", { deviceState: "ringing", lamp: "ringing" })),
      event("extension.status_changed", "b", status("b", { dnd: true, lamp: "dnd" })),
      event("extension.updated", "a", {}),
      event("extension.deleted", "c", { id: "c", label: "103" })
    ];
    const map = applyExtensionStatusEvents([status("a"), status("c")], events);
    expect([...map.keys()].sort()).toEqual(["a", "b"]);
    expect(map.get("a")?.lamp).toBe("ringing");
    expect(map.get("b")?.lamp).toBe("dnd");
  });

  it("applies trunk status events", () => {
    const map = applyTrunkStatusEvents([], [event("trunk.status_changed", "t", { trunkId: "t", registration: "rejected", detail: null, changedAt: "" })]);
    expect(map.get("t")?.registration).toBe("rejected");
  });
});
