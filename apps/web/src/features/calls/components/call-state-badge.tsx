import type { CallResult, CallState } from "@switchboard/contracts";
import { Badge } from "@/components/ui/panel";
import { CALL_RESULT_LABELS, CALL_STATE_LABELS } from "../call-format";

const STATE_TONES = { ringing: "warning", answered: "success", on_hold: "info", transferred: "neutral", ended: "neutral" } as const;
const RESULT_TONES = { answered: "success", missed: "danger", busy: "warning", failed: "danger" } as const;

/** A call's state in words (never colour alone). */
export function CallStateBadge({ state }: { state: CallState }) {
  return <Badge tone={STATE_TONES[state]}>{CALL_STATE_LABELS[state]}</Badge>;
}

export function CallResultBadge({ result }: { result: CallResult | null }) {
  if (!result) return <Badge>Unknown</Badge>;
  return <Badge tone={RESULT_TONES[result]}>{CALL_RESULT_LABELS[result]}</Badge>;
}
