import { describeChange, describeUpdate, type EventDescribers } from "@/features/realtime/describe-event";
import type { FieldWordings } from "@/features/realtime/describe-field-changes";
import type { EventFamily } from "@/features/realtime/event-types";

/** How an update's changed fields read, in this order (userId is told by userName). */
const EXTENSION_WORDINGS: FieldWordings = {
  displayName: { kind: "name" },
  enabled: { kind: "switch", on: "enabled", off: "disabled" },
  number: { kind: "value", label: "number" },
  userName: { kind: "value", label: "user" },
  sipUsername: { kind: "value", label: "SIP username" },
  sipSecretHint: { kind: "secret", label: "SIP secret" },
  transport: { kind: "value", label: "transport", format: (value) => String(value).toUpperCase() },
  codecs: { kind: "value", label: "codecs" },
  voicemailEnabled: { kind: "feature", label: "voicemail" }
};

/** "Ada Admin created extension 104": extensions are named by their number (the one it had, when renumbered). */
export const extensionDescribers = {
  "extension.created": (event) => describeChange(event, `extension ${event.data.number}`),
  "extension.updated": (event) => describeUpdate(event, `extension ${String(event.data.changes?.number?.from ?? event.data.number)}`, EXTENSION_WORDINGS),
  // The label is "<number> <display name>"; people call an extension by its number.
  "extension.deleted": (event) => describeChange(event, `extension ${event.data.label.split(" ")[0] ?? event.data.label}`),
  // Registration and device state show on the lamps as they change.
  "extension.status_changed": null
} satisfies EventDescribers<EventFamily<"extension">>;
