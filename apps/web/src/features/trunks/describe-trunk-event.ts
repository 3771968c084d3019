import { describeChange, describeUpdate, type EventDescribers } from "@/features/realtime/describe-event";
import type { FieldWordings } from "@/features/realtime/describe-field-changes";
import type { EventFamily } from "@/features/realtime/event-types";

/** How an update's changed fields read, in this order. */
const TRUNK_WORDINGS: FieldWordings = {
  name: { kind: "name" },
  enabled: { kind: "switch", on: "enabled", off: "disabled" },
  host: { kind: "value", label: "host" },
  port: { kind: "value", label: "port" },
  transport: { kind: "value", label: "transport", format: (value) => String(value).toUpperCase() },
  maxChannels: { kind: "value", label: "channel limit" },
  username: { kind: "value", label: "username" },
  secretHint: { kind: "secret", label: "secret" },
  registrationRequired: { kind: "feature", label: "registration" },
  codecs: { kind: "value", label: "codecs" }
};

/** "Ada Admin updated trunk Carrier B": trunks are named by their name (the one it had, when renamed). */
export const trunkDescribers = {
  "trunk.created": (event) => describeChange(event, `trunk ${event.data.name}`),
  "trunk.updated": (event) => describeUpdate(event, `trunk ${String(event.data.changes?.name?.from ?? event.data.name)}`, TRUNK_WORDINGS),
  "trunk.deleted": (event) => describeChange(event, `trunk ${event.data.label}`),
  // Registration shows in the trunk list as it changes.
  "trunk.status_changed": null
} satisfies EventDescribers<EventFamily<"trunk">>;
