import { describe, expect, it } from "vitest";
import type { CallView, ExtensionStatusView } from "@switchboard/contracts";
import { operatorCardOf } from "./operator-card";

const status = (extra: Partial<ExtensionStatusView>): ExtensionStatusView =>
  ({ registration: "registered", deviceState: "idle", dnd: false, lamp: "idle", ...extra }) as ExtensionStatusView;
const call = (state: CallView["state"]): CallView => ({ id: "c1", state, fromNumber: "+15550100", toNumber: "102" }) as CallView;

describe("operatorCardOf: the lamp and the call line come from one state", () => {
  it("never shows Idle next to a live call", () => {
    expect(operatorCardOf(status({}), call("ringing"))).toMatchObject({ lamp: "ringing", call: { verb: "Call from" } });
    expect(operatorCardOf(status({}), call("answered"))).toMatchObject({ lamp: "in_use", call: { verb: "With" } });
    expect(operatorCardOf(status({}), call("on_hold"))).toMatchObject({ lamp: "on_hold", call: { verb: "With" } });
    expect(operatorCardOf(undefined, call("ringing")).lamp).toBe("ringing");
  });

  it("shows the device's lamp and no call line without a live call; DND stays DND", () => {
    expect(operatorCardOf(status({ deviceState: "in_use", lamp: "in_use" }), undefined)).toEqual({ lamp: "in_use", call: null });
    expect(operatorCardOf(status({}), call("ended"))).toEqual({ lamp: "idle", call: null });
    expect(operatorCardOf(status({ dnd: true, lamp: "dnd" }), call("ringing")).lamp).toBe("dnd");
    expect(operatorCardOf(status({ registration: "unregistered" }), undefined).lamp).toBe("unregistered");
  });
});
