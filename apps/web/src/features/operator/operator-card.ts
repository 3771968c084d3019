import type { CallView, ExtensionStatusView } from "@switchboard/contracts";
import { lampOf, type LampKind } from "@/components/status/lamp";

/** What one operator card shows: the lamp and the call line, decided together. */
export interface OperatorCard {
  lamp: LampKind;
  /** "Call from …" while ringing, "With …" once answered; null without a live call. */
  call: { verb: "Call from" | "With"; call: CallView } | null;
}

const CALL_LAMPS: Record<CallView["state"], LampKind | null> = {
  ringing: "ringing",
  answered: "in_use",
  transferred: "in_use",
  on_hold: "on_hold",
  ended: null
};

/**
 * One state for the card. Device state and call events arrive separately (and a PBX may report a
 * phone idle while a call rings it), so a card that drew its lamp from one and its text from the
 * other could say "Idle" and "Call from …" at once. A live call is the more specific fact: it sets
 * the lamp; Do not disturb still shows, as it tells callers' fate rather than the phone's.
 */
export function operatorCardOf(status: ExtensionStatusView | undefined, call: CallView | undefined): OperatorCard {
  const base = lampOf(status);
  const callLamp = call ? CALL_LAMPS[call.state] : null;
  if (!call || !callLamp) return { lamp: base, call: null };
  return { lamp: base === "dnd" ? "dnd" : callLamp, call: { verb: call.state === "ringing" ? "Call from" : "With", call } };
}
