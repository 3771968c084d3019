import type { CallView, TrunkStatusView } from "@switchboard/contracts";
import { TRUNK_REGISTRATION_LABELS } from "@/components/status/lamp";

/**
 * Calls someone should pick up: ringing callers from outside or inside (an outbound call ringing
 * is the far end's phone, not ours), and callers held in a queue that no agent answered yet.
 * Longest waiting first.
 */
export function waitingCallsOf(active: readonly CallView[]): CallView[] {
  return active
    .filter((call) => {
      if (call.state === "ended" || call.direction === "outbound") return false;
      return call.state === "ringing" || (call.queue !== null && call.answeredAt === null);
    })
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id));
}

/** A call that may be moved to another extension: any live call (unanswered ones are redirected). */
export function isTransferable(call: CallView | undefined): call is CallView {
  return call !== undefined && call.state !== "ended";
}

export interface TrunkLamp {
  id: string;
  name: string;
  registration: TrunkStatusView["registration"];
  label: string;
  inUse: number;
  capacity: number;
  /** Every channel taken: the next call over this trunk will fail. */
  full: boolean;
}

/** One lamp per trunk: registration in words, and channels in use out of capacity from the live calls. */
export function trunkLampsOf(
  trunks: readonly { id: string; name: string; maxChannels: number }[],
  statuses: ReadonlyMap<string, TrunkStatusView>,
  active: readonly CallView[]
): TrunkLamp[] {
  const inUse = new Map<string, number>();
  for (const call of active) if (call.trunkId && call.state !== "ended") inUse.set(call.trunkId, (inUse.get(call.trunkId) ?? 0) + 1);
  return trunks.map((trunk) => {
    const registration = statuses.get(trunk.id)?.registration ?? "unknown";
    const used = inUse.get(trunk.id) ?? 0;
    return {
      id: trunk.id,
      name: trunk.name,
      registration,
      label: TRUNK_REGISTRATION_LABELS[registration],
      inUse: used,
      capacity: trunk.maxChannels,
      full: trunk.maxChannels > 0 && used >= trunk.maxChannels
    };
  });
}
