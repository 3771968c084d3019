import type { Logger } from "pino";
import type { CallTracker } from "../tracker/call-tracker";
import type { AmiClient } from "./ami-client";

/** List actions whose answers arrive as the same events as live changes (applied as such). */
const STATE_LISTS = ["DeviceStateList", "ExtensionStateList", "PresenceStateList", "PJSIPShowRegistrationsOutbound"] as const;

/**
 * Full resync after every (re)connect: the PBX's channel list replaces what we believed, then
 * device, hint and presence states, registered contacts and trunk registrations are re-read. A list
 * the PBX cannot give (no hints configured, module not loaded) is logged and skipped.
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
  await tracker.idle();
}

/** Answers to list actions that the tracker takes event by event, like live ones. */
export const LIST_EVENTS_APPLIED_LIVE = new Set(["devicestatechange", "extensionstatus", "presencestatechange", "outboundregistrationdetail"]);
