import type { DeviceState, ExtensionStatusView, TrunkRegistration } from "@switchboard/contracts";

/** What a BLF lamp shows, in words and as a look; never colour alone. */
export type LampKind = DeviceState | "unregistered" | "unreachable";

export const LAMP_LABELS: Record<LampKind, string> = {
  idle: "Idle",
  ringing: "Ringing",
  in_use: "In use",
  busy: "Busy",
  on_hold: "On hold",
  unavailable: "Unavailable",
  dnd: "Do not disturb",
  unregistered: "Unregistered",
  unreachable: "Unreachable"
};

/**
 * The lamp of an extension: not registered (or no status ever reported) → unregistered or
 * unreachable, told apart from idle; registered → the contract's lamp (DND over the device state).
 */
export function lampOf(status: ExtensionStatusView | undefined): LampKind {
  if (!status || status.registration === "unregistered") return "unregistered";
  if (status.registration === "unreachable") return "unreachable";
  return status.lamp;
}

export const TRUNK_REGISTRATION_LABELS: Record<TrunkRegistration, string> = {
  registered: "Registered",
  rejected: "Rejected",
  unreachable: "Unreachable",
  unknown: "Unknown"
};
