import type { ExtensionStatusView, PbxConnectionStatusView, TrunkStatusView } from "@switchboard/contracts";
import type { ExtensionStatus, PbxConnection, TrunkStatus } from "../generated/prisma/client";

export function toExtensionStatusView(row: ExtensionStatus): ExtensionStatusView {
  return {
    extensionId: row.extensionId,
    registration: row.registration,
    contact: row.contact,
    userAgent: row.userAgent,
    deviceState: row.deviceState,
    dnd: row.dnd,
    lamp: row.registration !== "registered" ? "unavailable" : row.dnd ? "dnd" : row.deviceState,
    changedAt: row.changedAt.toISOString()
  };
}

export function toTrunkStatusView(row: TrunkStatus): TrunkStatusView {
  return { trunkId: row.trunkId, registration: row.registration, detail: row.detail, changedAt: row.changedAt.toISOString() };
}

/** Health of the AMI connection; host, username and secret stay with the admin settings. */
export function toPbxConnectionStatusView(row: PbxConnection): PbxConnectionStatusView {
  return {
    id: row.id,
    enabled: row.enabled,
    status: row.status,
    lastError: row.lastError,
    statusChangedAt: row.statusChangedAt.toISOString(),
    lastConnectedAt: row.lastConnectedAt ? row.lastConnectedAt.toISOString() : null
  };
}
