import { CALL_CONTROL_ERRORS, callControlRequestSchema, type CallControlRequest, type CallControlResult } from "../ami/call-control";
import type { CallTracker } from "../tracker/call-tracker";
import type { SimTimeline } from "./sim-clock";
import { amiEvent } from "./sim-events";

/**
 * Call control on a simulated call, as the PBX would carry it out: hang-up ends every leg with
 * AMI Hangup events (and drops what the scenario still had planned for the call). The simulator
 * plays fixed scenarios, so it does not transfer on request.
 */
export async function controlSimulatedCall(
  tracker: CallTracker,
  timeline: SimTimeline,
  input: Extract<CallControlRequest, { action: "hangup" | "blind_transfer" }>,
  at: number
): Promise<CallControlResult> {
  const parsed = callControlRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", error: parsed.error.issues[0]?.message ?? "invalid request" };
  const request = parsed.data;
  if (request.action !== "hangup" && request.action !== "blind_transfer") return { ok: false, code: "invalid", error: "not a call action" };
  const legs = tracker.legsOf(request.pbxCallId);
  if (legs.length === 0) return CALL_CONTROL_ERRORS.callEnded;
  if (request.action === "blind_transfer") return { ok: false, code: "refused", error: "the PBX refused: the simulator does not transfer calls on request" };
  timeline.drop((message) => message.fields.linkedid === request.pbxCallId);
  for (const leg of legs) {
    await tracker.handleEvent(
      amiEvent("Hangup", "call,all", at, {
        Channel: leg.name,
        Uniqueid: leg.uniqueid,
        Linkedid: request.pbxCallId,
        Cause: "16",
        "Cause-txt": "Normal Clearing"
      })
    );
  }
  await tracker.idle();
  return { ok: true, message: "Call hung up" };
}
