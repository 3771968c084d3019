import { describe, expect, it } from "vitest";
import { describeEvent } from "@/features/realtime/describe-event";
import { extensionEvent, extensionView, trunkEvent, trunkView } from "@/features/realtime/test-events";
import { notification, notificationEvent, staffTicket, ticketEvent } from "@/features/tickets/testing/ticket-events";
import { eventDescribers } from "./console-events";

const describeConsoleEvent = (event: Parameters<typeof describeEvent>[1]) => describeEvent(eventDescribers, event);

describe("console toasts", () => {
  it("names the actor, the verb and the subject", () => {
    expect(describeConsoleEvent(extensionEvent(1, "created", extensionView("a", "104")))).toBe("Ada Admin created extension 104");
    expect(describeConsoleEvent(extensionEvent(2, "deleted", extensionView("a", "104")))).toBe("Ada Admin deleted extension 104");
    expect(describeConsoleEvent(trunkEvent(3, "deleted", trunkView("t", "Carrier B")))).toBe("Ada Admin deleted trunk Carrier B");
    expect(describeConsoleEvent(trunkEvent(4, "updated", trunkView("t", "Carrier B")))).toBe("Ada Admin updated trunk Carrier B");
    expect(describeConsoleEvent(extensionEvent(5, "updated", extensionView("a", "104"), null))).toBe("The system updated extension 104");
  });

  it("uses each feature's describer", () => {
    expect(describeConsoleEvent(ticketEvent("ticket.created", staffTicket("t1")))).toBe("Ana Agent opened ticket T-1001");
  });

  it("stays quiet for inbox entries", () => {
    expect(describeConsoleEvent(notificationEvent("notification.created", notification("n1")))).toBeNull();
  });
});
