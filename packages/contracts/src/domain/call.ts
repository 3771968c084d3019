import { z } from "zod";
import { text } from "./text";

export const CALL_DIRECTIONS = ["inbound", "outbound", "internal"] as const;
export const callDirectionSchema = z.enum(CALL_DIRECTIONS);
export type CallDirection = z.infer<typeof callDirectionSchema>;

const CALL_STATES = ["ringing", "answered", "on_hold", "transferred", "ended"] as const;
const callStateSchema = z.enum(CALL_STATES);
export type CallState = z.infer<typeof callStateSchema>;

/** How a finished call turned out; null while it is live. */
export const CALL_RESULTS = ["answered", "missed", "busy", "failed"] as const;
export const callResultSchema = z.enum(CALL_RESULTS);
export type CallResult = z.infer<typeof callResultSchema>;

/** Kinds of rows in a call's timeline; each one is also the verb of the call event it caused. */
const CALL_TIMELINE_KINDS = ["started", "ringing", "answered", "held", "resumed", "transferred", "ended", "updated"] as const;
const callTimelineKindSchema = z.enum(CALL_TIMELINE_KINDS);
export type CallTimelineKind = z.infer<typeof callTimelineKindSchema>;

const REGISTRATION_STATES = ["registered", "unregistered", "unreachable"] as const;
export const registrationStateSchema = z.enum(REGISTRATION_STATES);
export type RegistrationState = z.infer<typeof registrationStateSchema>;

/** BLF lamp states. DND and unavailable (unregistered) must never look like idle. */
const DEVICE_STATES = ["idle", "ringing", "in_use", "busy", "on_hold", "unavailable", "dnd"] as const;
export const deviceStateSchema = z.enum(DEVICE_STATES);
export type DeviceState = z.infer<typeof deviceStateSchema>;

const TRUNK_REGISTRATIONS = ["registered", "rejected", "unreachable", "unknown"] as const;
export const trunkRegistrationSchema = z.enum(TRUNK_REGISTRATIONS);
export type TrunkRegistration = z.infer<typeof trunkRegistrationSchema>;

const PBX_CONNECTION_STATUSES = ["connected", "connecting", "auth_failed", "disconnected"] as const;
const pbxConnectionStatusSchema = z.enum(PBX_CONNECTION_STATUSES);
export type PbxConnectionStatus = z.infer<typeof pbxConnectionStatusSchema>;

const isoDate = text();

/** A call as staff see it on the live board, in recent calls and in every call.* event. */
export const callViewSchema = z.object({
  id: text(),
  pbxCallId: text(),
  direction: callDirectionSchema,
  state: callStateSchema,
  result: callResultSchema.nullable(),
  fromNumber: text(),
  fromName: text().nullable(),
  toNumber: text(),
  toName: text().nullable(),
  did: text().nullable(),
  extensionIds: z.array(text()),
  trunkId: text().nullable(),
  queue: text().nullable(),
  startedAt: isoDate,
  answeredAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  durationSeconds: z.number().int().nullable(),
  talkSeconds: z.number().int().nullable(),
  /** Completed holds; add the time since `holdStartedAt` while the call is on hold. */
  holdSeconds: z.number().int(),
  holdStartedAt: isoDate.nullable(),
  hangupCause: text().nullable(),
  hangupCauseCode: z.number().int().nullable(),
  hungUpBy: text().nullable(),
  transferredTo: text().nullable(),
  updatedAt: isoDate
});
export type CallView = z.infer<typeof callViewSchema>;

export const callTimelineEntrySchema = z.object({
  id: text(),
  callId: text(),
  kind: callTimelineKindSchema,
  at: isoDate,
  detail: text(),
  party: text().nullable()
});
export type CallTimelineEntry = z.infer<typeof callTimelineEntrySchema>;

/** Data of every call.* event: the call's new state plus the timeline row that changed it. */
export const callEventDataSchema = callViewSchema.extend({ entry: callTimelineEntrySchema.nullable() });
export type CallEventData = z.infer<typeof callEventDataSchema>;

export const extensionStatusViewSchema = z.object({
  extensionId: text(),
  registration: registrationStateSchema,
  contact: text().nullable(),
  userAgent: text().nullable(),
  deviceState: deviceStateSchema,
  dnd: z.boolean(),
  /** What a BLF lamp shows: unavailable unless registered, then DND over the device state. */
  lamp: deviceStateSchema,
  changedAt: isoDate
});
export type ExtensionStatusView = z.infer<typeof extensionStatusViewSchema>;

export const trunkStatusViewSchema = z.object({
  trunkId: text(),
  registration: trunkRegistrationSchema,
  detail: text().nullable(),
  changedAt: isoDate
});
export type TrunkStatusView = z.infer<typeof trunkStatusViewSchema>;

/** What consoles see of the AMI connection: its health, never its credentials. */
export const pbxConnectionStatusViewSchema = z.object({
  id: text(),
  enabled: z.boolean(),
  status: pbxConnectionStatusSchema,
  lastError: text().nullable(),
  statusChangedAt: isoDate,
  lastConnectedAt: isoDate.nullable()
});
export type PbxConnectionStatusView = z.infer<typeof pbxConnectionStatusViewSchema>;

export interface CallDirectoryEntry {
  id: string;
  number: string;
  displayName: string;
  /** A disabled extension still names past calls but takes no new ones. */
  enabled: boolean;
}
interface CallTrunkEntry {
  id: string;
  name: string;
  maxChannels: number;
}
/** What a call's ids refer to: the board shows numbers and names, not uuids. */
export interface CallDirectory {
  extensions: CallDirectoryEntry[];
  trunks: CallTrunkEntry[];
}

export interface CallDetail {
  call: CallView;
  timeline: CallTimelineEntry[];
  extensions: CallDirectoryEntry[];
  trunk: { id: string; name: string } | null;
}
