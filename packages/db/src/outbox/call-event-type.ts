import type { EventType } from "@switchboard/contracts";
import type { Call, CallEvent } from "../generated/prisma/client";

type CallRow = Call & { events?: CallEvent[] };

export type CallEventType = Extract<EventType, `call.${string}`>;

const BY_ENTRY_KIND: Record<string, CallEventType | undefined> = {
  started: "call.started",
  ringing: "call.ringing",
  answered: "call.answered",
  held: "call.held",
  resumed: "call.resumed",
  transferred: "call.transferred",
  ended: "call.ended",
  updated: "call.updated"
};

/**
 * Which call.* event a write of a Call row is. A change of state names it (ringing → answered is
 * call.answered, on_hold → answered is call.resumed, …), whoever wrote it, so every path that
 * changes a call announces it the same way. When the state stays (another phone starts ringing),
 * the timeline row written with the change names it; a write with neither is call.updated.
 */
export function callEventType(verb: "created" | "updated", before: CallRow | null, after: CallRow): CallEventType {
  if (verb === "created") return "call.started";
  const from = before?.state;
  const to = after.state;
  if (from === to) {
    const entry = after.events?.[0];
    const isNew = entry !== undefined && entry.id !== before?.events?.[0]?.id;
    return (isNew ? BY_ENTRY_KIND[entry.kind] : undefined) ?? "call.updated";
  }
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
