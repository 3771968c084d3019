import type { EventType } from "@switchboard/contracts";
import type { Call } from "../generated/prisma/client";
import type { Verb } from "./event-models";

/**
 * Which call.* event a write of a Call row is, from the state it left and the state it reached:
 * the row's state machine, not the writer, names the event, so every path that changes a call
 * (AMI, webhooks, simulator, resync) announces it the same way.
 */
export function callEventType(verb: Verb, before: Call | null, after: Call): EventType | null {
  if (verb === "created") return "call.started";
  // Deleting calls is retention housekeeping; consoles age them out themselves.
  if (verb === "deleted") return null;
  const from = before?.state;
  const to = after.state;
  if (from === to) return "call.updated";
  switch (to) {
    case "ended":
      return "call.ended";
    case "on_hold":
      return "call.held";
    case "transferred":
      return "call.transferred";
    case "ringing":
      return "call.ringing";
    case "answered":
      return from === "on_hold" ? "call.resumed" : "call.answered";
  }
}
