import type { CallControlEventData } from "@switchboard/contracts";
import type { Call, CallControlAction } from "../generated/prisma/client";

export type CallControlRow = CallControlAction & { call?: Pick<Call, "fromNumber" | "fromName"> | null };

export const callControlIncludes = { call: { select: { fromNumber: true, fromName: true } } } as const;

export function toCallControlEventData(row: CallControlRow): CallControlEventData {
  return {
    id: row.id,
    callId: row.callId,
    action: row.kind,
    target: row.target,
    ok: row.ok,
    error: row.error,
    callFrom: row.call ? (row.call.fromName ?? row.call.fromNumber) : "",
    createdAt: row.createdAt.toISOString()
  };
}
