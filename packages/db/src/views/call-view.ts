import type { CallEventData, CallTimelineEntry, CallTimelineKind, CallView } from "@switchboard/contracts";
import type { Call, CallEvent } from "../generated/prisma/client";

export type CallWithLatestEntry = Call & { events?: CallEvent[] };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The one mapping from a call row to what staff may see (pages, REST, events). */
export function toCallView(row: Call): CallView {
  return {
    id: row.id,
    pbxCallId: row.pbxCallId,
    direction: row.direction,
    state: row.state,
    result: row.result,
    fromNumber: row.fromNumber,
    fromName: row.fromName,
    toNumber: row.toNumber,
    toName: row.toName,
    did: row.did,
    extensionIds: row.extensionIds,
    trunkId: row.trunkId,
    queue: row.queue,
    startedAt: row.startedAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    endedAt: iso(row.endedAt),
    durationSeconds: row.durationSeconds,
    talkSeconds: row.talkSeconds,
    holdSeconds: row.holdSeconds,
    holdStartedAt: iso(row.holdStartedAt),
    hangupCause: row.hangupCause,
    hangupCauseCode: row.hangupCauseCode,
    hungUpBy: row.hungUpBy,
    transferredTo: row.transferredTo,
    updatedAt: row.updatedAt.toISOString()
  };
}

export function toCallTimelineEntry(row: CallEvent): CallTimelineEntry {
  return {
    id: row.id.toString(),
    callId: row.callId,
    kind: row.kind as CallTimelineKind,
    at: row.at.toISOString(),
    detail: row.detail,
    party: row.party
  };
}

/** A call event's data: the call plus the newest timeline row (loaded by the hook's include). */
export function toCallEventData(row: CallWithLatestEntry): CallEventData {
  const latest = row.events?.[0];
  return { ...toCallView(row), entry: latest ? toCallTimelineEntry(latest) : null };
}
