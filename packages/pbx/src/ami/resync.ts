import type { Logger } from "pino";
import type { CallTracker } from "../tracker/call-tracker";
import type { AmiClient } from "./ami-client";

/** List actions whose answers arrive as the same events as live changes (applied as such). */
const STATE_LISTS = ["DeviceStateList", "ExtensionStateList", "PresenceStateList", "PJSIPShowRegistrationsOutbound"] as const;

/**
 * Full resync after every (re)connect: the PBX's channel list replaces what we believed, then
 * device, hint and presence states, registered contacts, trunk registrations and queues are
 * re-read. A list the PBX cannot give (no hints configured, module not loaded) is logged and skipped.
 */
export async function resyncFromPbx(client: AmiClient, tracker: CallTracker, log: Logger): Promise<void> {
  const attempt = async (action: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      log.warn({ action, err: error }, "resync list unavailable");
    }
  };
  await attempt("CoreShowChannels", () => client.send("CoreShowChannels", {}, (r) => void tracker.applyChannelSnapshot(r.events)));
  for (const action of STATE_LISTS) await attempt(action, () => client.send(action));
  await attempt("PJSIPShowContacts", () => client.send("PJSIPShowContacts", {}, (r) => void tracker.applyContactSnapshot(r.events)));
  await resyncQueues(client, tracker, log);
}

/**
 * The queues as the PBX has them now: QueueSummary (every queue, with its counts) then QueueStatus
 * (each queue's parameters, members and waiting callers), applied together. A PBX without
 * app_queue answers with an error: its queues are left as they are.
 */
export async function resyncQueues(client: AmiClient, tracker: CallTracker, log: Logger): Promise<void> {
  try {
    const summary = await client.send("QueueSummary");
    await client.send("QueueStatus", {}, (status) => void tracker.applyQueueSnapshot(summary.events, status.events));
  } catch (error) {
    log.warn({ action: "QueueStatus", err: error }, "resync list unavailable");
  }
  await tracker.idle();
}

/** Answers to list actions that the tracker takes event by event, like live ones. */
export const LIST_EVENTS_APPLIED_LIVE = new Set(["devicestatechange", "extensionstatus", "presencestatechange", "outboundregistrationdetail"]);
