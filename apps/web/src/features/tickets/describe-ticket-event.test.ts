import { describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { describeEvent } from "@/features/realtime/describe-event";
import { ticketDescribers } from "./describe-ticket-event";
import { hiddenEvent, reply, replyEvent, staffTicket, ticketEvent } from "./testing/ticket-events";

const describeTicketEvent = (event: DomainEvent) => describeEvent(ticketDescribers, event);

describe("ticket toasts", () => {
  it("says who did what to which ticket", () => {
    expect(describeTicketEvent(ticketEvent("ticket.created", staffTicket("t1")))).toBe("Ana Agent opened ticket T-1001");
    expect(describeTicketEvent(ticketEvent("ticket.status_changed", staffTicket("t1", { status: "on_hold" })))).toBe("Ana Agent set T-1001 to On hold");
    expect(describeTicketEvent(ticketEvent("ticket.assigned", staffTicket("t1", { assigneeName: "Bo Agent" })))).toBe("Ana Agent assigned T-1001 to Bo Agent");
    expect(describeTicketEvent(replyEvent(reply("r1", "t1")))).toBe("Ana Agent replied on T-1001");
    expect(describeTicketEvent(replyEvent(reply("r1", "t1", { internal: true })))).toBe("Ana Agent added an internal note on T-1001");
    const file = (id: string) => ({ id, name: `${id}.png`, type: "image/png", size: 10 });
    expect(describeTicketEvent(replyEvent(reply("r1", "t1", { attachments: [file("a")] })))).toBe("Ana Agent replied on T-1001 with a file");
    expect(describeTicketEvent(replyEvent(reply("r1", "t1", { internal: true, attachments: [file("a"), file("b")] })))).toBe(
      "Ana Agent added an internal note on T-1001 with 2 files"
    );
  });

  it("stays quiet for hidden markers", () => {
    expect(describeTicketEvent(hiddenEvent("t1"))).toBeNull();
  });
});
