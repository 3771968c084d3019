import { describe, expect, it } from "vitest";
import { describeEvent } from "@/features/realtime/describe-event";
import { describeTicketEvent } from "./describe-ticket-event";
import { hiddenEvent, notification, notificationEvent, reply, replyEvent, staffTicket, ticketEvent } from "./testing/ticket-events";

describe("ticket toasts", () => {
  it("says who did what to which ticket", () => {
    expect(describeEvent(ticketEvent("ticket.created", staffTicket("t1")))).toBe("Ana Agent opened ticket T-1001");
    expect(describeEvent(ticketEvent("ticket.status_changed", staffTicket("t1", { status: "on_hold" })))).toBe("Ana Agent set T-1001 to On hold");
    expect(describeEvent(ticketEvent("ticket.assigned", staffTicket("t1", { assigneeName: "Bo Agent" })))).toBe("Ana Agent assigned T-1001 to Bo Agent");
    expect(describeEvent(replyEvent(reply("r1", "t1")))).toBe("Ana Agent replied on T-1001");
    expect(describeEvent(replyEvent(reply("r1", "t1", { internal: true })))).toBe("Ana Agent added an internal note on T-1001");
  });

  it("stays quiet for hidden markers and inbox entries, and leaves other events alone", () => {
    expect(describeTicketEvent(hiddenEvent("t1"))).toBeNull();
    expect(describeTicketEvent(notificationEvent("notification.created", notification("n1")))).toBeNull();
    expect(describeEvent(notificationEvent("notification.created", notification("n1")))).toBeNull();
  });
});
