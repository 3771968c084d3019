import type { CallTimelineKind } from "@switchboard/contracts";
import type { Call, CallResult } from "@switchboard/db";
import type { CallOp } from "./call-ops";

/** A party after lookup: `extensionId` set only for extensions of the call's organization. */
export interface ResolvedParty {
  number: string;
  name: string | null;
  extensionId: string | null;
}

export interface OpContext {
  target?: ResolvedParty;
  by?: ResolvedParty;
  trunkId?: string | null;
  /** Whether the call's current `to` is one of the organization's extensions. */
  toIsExtension: boolean;
}

export type CallChange = { skip: "noop" | "out_of_order" } | { data: Partial<Call>; kind: CallTimelineKind; detail: string; party: string | null };

export function partyLabel(p: { number: string; name?: string | null }): string {
  return p.name ? `${p.number} (${p.name})` : p.number;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

function withExtension(call: Call, party: ResolvedParty | undefined): string[] | undefined {
  if (!party?.extensionId || call.extensionIds.includes(party.extensionId)) return undefined;
  return [...call.extensionIds, party.extensionId];
}

function closedHold(call: Call, at: Date): Pick<Call, "holdSeconds" | "holdStartedAt"> {
  if (!call.holdStartedAt) return { holdSeconds: call.holdSeconds, holdStartedAt: null };
  return { holdSeconds: call.holdSeconds + seconds(call.holdStartedAt, at), holdStartedAt: null };
}

/**
 * The call state machine: what an operation changes on a call in a given state, or why it is
 * skipped. Ended is terminal; operations that contradict the state are "out_of_order" (counted,
 * and left for the next resync to settle), repeats of what is already recorded are "noop".
 */
export function planCallChange(call: Call, op: Exclude<CallOp, { op: "start" }>, ctx: OpContext): CallChange {
  if (call.state === "ended") return { skip: op.op === "end" ? "noop" : "out_of_order" };
  const at = op.at;
  switch (op.op) {
    case "ring": {
      const target = ctx.target ?? { number: op.target.number, name: op.target.name ?? null, extensionId: null };
      const extensionIds = withExtension(call, target);
      if (call.state === "answered" || call.state === "on_hold") {
        if (!extensionIds) return { skip: "noop" };
        return { data: { extensionIds }, kind: "updated", detail: `Also ringing ${partyLabel(target)}`, party: target.number };
      }
      if (call.state === "ringing" && !extensionIds && call.toNumber === target.number) return { skip: "noop" };
      const retarget = call.state === "transferred" || !ctx.toIsExtension || call.toNumber === call.did;
      return {
        data: { state: "ringing", ...(extensionIds ? { extensionIds } : {}), ...(retarget ? { toNumber: target.number, toName: target.name } : {}) },
        kind: "ringing",
        detail: `Ringing ${partyLabel(target)}`,
        party: target.number
      };
    }
    case "answer": {
      if (call.state === "answered" || call.state === "on_hold") return { skip: "noop" };
      const by = ctx.by;
      const extensionIds = withExtension(call, by);
      return {
        data: {
          state: "answered",
          answeredAt: call.answeredAt ?? at,
          ...(extensionIds ? { extensionIds } : {}),
          ...(by ? { toNumber: by.number, toName: by.name } : {})
        },
        kind: "answered",
        detail: by ? `Answered by ${partyLabel(by)}` : "Answered",
        party: by?.number ?? null
      };
    }
    case "hold":
      if (call.state === "on_hold") return { skip: "noop" };
      if (call.state !== "answered") return { skip: "out_of_order" };
      return {
        data: { state: "on_hold", holdStartedAt: at },
        kind: "held",
        detail: ctx.by ? `Put on hold by ${partyLabel(ctx.by)}` : "Put on hold",
        party: ctx.by?.number ?? null
      };
    case "resume":
      if (call.state !== "on_hold") return { skip: "noop" };
      return { data: { state: "answered", ...closedHold(call, at) }, kind: "resumed", detail: "Taken off hold", party: null };
    case "transfer": {
      const to = ctx.target ?? { number: op.to.number, name: op.to.name ?? null, extensionId: null };
      const extensionIds = withExtension(call, to);
      const by = ctx.by ? ` by ${partyLabel(ctx.by)}` : "";
      return {
        data: { state: "transferred", transferredTo: to.number, ...closedHold(call, at), ...(extensionIds ? { extensionIds } : {}) },
        kind: "transferred",
        detail: `${op.kind === "blind" ? "Blind" : "Attended"} transfer to ${partyLabel(to)}${by}`,
        party: ctx.by?.number ?? null
      };
    }
    case "end": {
      const hold = closedHold(call, at);
      const result: CallResult = op.result ?? (call.answeredAt ? "answered" : "missed");
      const cause = op.cause ? `${op.cause}${op.causeCode != null ? ` (${op.causeCode})` : ""}` : "Ended";
      return {
        data: {
          state: "ended",
          result,
          endedAt: at,
          ...hold,
          durationSeconds: seconds(call.startedAt, at),
          talkSeconds: call.answeredAt ? Math.max(0, seconds(call.answeredAt, at) - hold.holdSeconds) : null,
          hangupCause: op.cause ?? null,
          hangupCauseCode: op.causeCode ?? null,
          hungUpBy: op.hungUpBy ?? null
        },
        kind: "ended",
        detail: op.hungUpBy ? `${cause}, hung up by ${op.hungUpBy}` : cause,
        party: op.hungUpBy ?? null
      };
    }
    case "update": {
      const data: Partial<Call> = {};
      if (op.direction && op.direction !== call.direction) data.direction = op.direction;
      if (ctx.trunkId && ctx.trunkId !== call.trunkId) data.trunkId = ctx.trunkId;
      if (op.queue && op.queue !== call.queue) data.queue = op.queue;
      if (op.fromName && op.fromName !== call.fromName) data.fromName = op.fromName;
      if (Object.keys(data).length === 0) return { skip: "noop" };
      return { data, kind: "updated", detail: op.detail, party: null };
    }
  }
}
