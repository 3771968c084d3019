import type { CallDirection } from "@switchboard/contracts";
import { field, knownValue, type AmiMessage } from "../ami/ami-message";
import type { CallOp } from "./call-ops";
import { looksExternal, resolveChannelParty } from "./channel-party";
import type { TrackedCall, TrackedChannel } from "./channel-registry";
import { channelFields, eventTime, isParty, partyOf, type MapperContext } from "./mapper-context";

/** The start operation for a call whose first channel is `origin`. */
export async function startOpFor(ctx: MapperContext, origin: TrackedChannel, call: TrackedCall, at: Date): Promise<CallOp> {
  const exten = origin.exten;
  const p = origin.party;
  const toExt = await ctx.directory.extension(exten);
  let direction: CallDirection = "internal";
  if (p.kind === "trunk") direction = "inbound";
  else if (!toExt && looksExternal(exten)) direction = "outbound";
  call.direction = direction;
  call.dialed = exten;
  const from = partyOf(origin, call) ?? { number: origin.callerNum ?? "unknown", name: origin.callerName ?? null };
  return {
    op: "start",
    callId: call.key,
    at,
    direction,
    from: p.kind === "extension" ? { ...from, name: origin.callerName ?? p.ext.displayName } : from,
    to: toExt ? { number: toExt.number, name: toExt.displayName, extensionId: toExt.id } : { number: exten ?? "unknown", name: null },
    did: direction === "inbound" ? (exten ?? null) : null,
    ...(p.kind === "trunk" ? { trunkId: p.trunk.id } : {})
  };
}

export async function onNewchannel(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const f = channelFields(e);
  if (!f.uniqueid || !f.name || ctx.registry.channel(f.uniqueid)) return;
  const callKey = f.linkedid ?? f.uniqueid;
  const channel: TrackedChannel = {
    uniqueid: f.uniqueid,
    callKey,
    name: f.name,
    party: await resolveChannelParty(ctx.directory, f.name),
    callerNum: f.callerNum,
    callerName: f.callerName,
    exten: f.exten,
    context: f.context,
    state: f.state
  };
  let call = ctx.registry.call(callKey);
  if (!call && f.uniqueid !== callKey) {
    // A leg of a call that began before we connected: the next resync adopts it.
    ctx.stats.unknownChannels++;
    ctx.registry.addChannel(channel);
    return;
  }
  if (!call) {
    call = {
      key: callKey,
      originUniqueid: f.uniqueid,
      direction: "internal",
      channels: new Set(),
      answered: false,
      holders: new Set(),
      transferers: new Set()
    };
    ctx.registry.addCall(call);
    ctx.registry.addChannel(channel);
    await ctx.apply(await startOpFor(ctx, channel, call, eventTime(e)));
    return;
  }
  ctx.registry.addChannel(channel);
}

function known(ctx: MapperContext, uniqueid: string | undefined): TrackedChannel | undefined {
  const channel = ctx.registry.channel(uniqueid);
  if (!channel) ctx.stats.unknownChannels++;
  return channel;
}

async function answer(ctx: MapperContext, channel: TrackedChannel, at: Date): Promise<void> {
  const call = ctx.registry.callOf(channel);
  if (!call || call.answered || call.originUniqueid === channel.uniqueid || !isParty(channel)) return;
  call.answered = true;
  const by = channel.party.kind === "extension" ? partyOf(channel, call) : undefined;
  await ctx.apply({ op: "answer", callId: call.key, at, ...(by ? { by } : {}) });
}

export async function onNewstate(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const channel = known(ctx, field(e, "Uniqueid"));
  if (!channel) return;
  channel.state = Number(field(e, "ChannelState") ?? channel.state);
  const call = ctx.registry.callOf(channel);
  if (!call || call.originUniqueid === channel.uniqueid) return;
  if (channel.state === 6) await answer(ctx, channel, eventTime(e));
  else if (channel.state === 5 && channel.party.kind === "extension" && !call.answered) {
    const target = partyOf(channel, call);
    if (target) await ctx.apply({ op: "ring", callId: call.key, at: eventTime(e), target });
  }
}

export async function onDialBegin(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const dest = known(ctx, field(e, "DestUniqueid"));
  const call = ctx.registry.callOf(dest);
  if (!dest || !call) return;
  const at = eventTime(e);
  // An extension is "ringing" once it says so (Newstate Ringing / DialState RINGING), not when
  // dialing starts: a busy or offline phone never rings.
  if (dest.party.kind === "trunk") {
    const direction = call.direction === "inbound" ? "inbound" : "outbound";
    call.direction = direction;
    await ctx.apply({
      op: "update",
      callId: call.key,
      at,
      detail: `Dialing ${call.dialed ?? "out"} via ${dest.party.trunk.name}`,
      direction,
      trunkId: dest.party.trunk.id
    });
  }
}

/** DialState RINGING: the dialed phone reports it is ringing. */
export async function onDialState(ctx: MapperContext, e: AmiMessage): Promise<void> {
  if ((field(e, "DialStatus") ?? "").toUpperCase() !== "RINGING") return;
  const dest = known(ctx, field(e, "DestUniqueid"));
  const call = ctx.registry.callOf(dest);
  if (!dest || !call || call.answered || dest.party.kind !== "extension") return;
  const target = partyOf(dest, call);
  if (target) await ctx.apply({ op: "ring", callId: call.key, at: eventTime(e), target });
}

export async function onDialEnd(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const dest = known(ctx, field(e, "DestUniqueid"));
  const call = ctx.registry.callOf(dest);
  if (!dest || !call) return;
  const status = (field(e, "DialStatus") ?? "").toUpperCase();
  if (status === "ANSWER") await answer(ctx, dest, eventTime(e));
  else if (!call.answered && isParty(dest)) call.lastDialStatus = status;
}

export async function onBridgeEnter(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const channel = known(ctx, field(e, "Uniqueid"));
  const bridgeId = field(e, "BridgeUniqueid");
  if (!channel || !bridgeId) return;
  const members = ctx.registry.enterBridge(channel, bridgeId);
  if (members.length < 2) return;
  // Two real parties of one call meeting in a bridge means someone picked up.
  const answerer = members.find((m) => m.callKey === channel.callKey && isParty(m) && ctx.registry.callOf(m)?.originUniqueid !== m.uniqueid);
  if (answerer) await answer(ctx, answerer, eventTime(e));
}

export function onBridgeLeave(ctx: MapperContext, e: AmiMessage): void {
  const channel = known(ctx, field(e, "Uniqueid"));
  if (channel) ctx.registry.leaveBridge(channel);
}

export async function onHold(ctx: MapperContext, e: AmiMessage, held: boolean): Promise<void> {
  const channel = known(ctx, field(e, "Uniqueid"));
  const call = ctx.registry.callOf(channel);
  if (!channel || !call) return;
  const at = eventTime(e);
  if (held) {
    call.holders.add(channel.uniqueid);
    const by = partyOf(channel, call);
    await ctx.apply({ op: "hold", callId: call.key, at, ...(by ? { by } : {}) });
  } else {
    call.holders.delete(channel.uniqueid);
    if (call.holders.size === 0) await ctx.apply({ op: "resume", callId: call.key, at });
  }
}

const BUSY_CAUSES = new Set([17]);
const FAILED_STATUSES = new Set(["CHANUNAVAIL", "CONGESTION"]);

function resultOf(call: TrackedCall): "answered" | "busy" | "failed" | "missed" {
  if (call.answered) return "answered";
  if (call.lastDialStatus === "BUSY" || BUSY_CAUSES.has(call.hangup?.causeCode ?? -1)) return "busy";
  if (call.lastDialStatus && FAILED_STATUSES.has(call.lastDialStatus)) return "failed";
  return "missed";
}

export async function onHangup(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const channel = known(ctx, field(e, "Uniqueid"));
  if (!channel) return;
  const call = ctx.registry.removeChannel(channel);
  if (!call) return;
  const cause = knownValue(field(e, "Cause-txt"));
  const causeCode = Number(field(e, "Cause"));
  const isOrigin = call.originUniqueid === channel.uniqueid;
  // Who ended it: after an answer, the first party to leave; before, the caller giving up.
  if (!call.hangup && !call.transferers.has(channel.uniqueid) && isParty(channel) && (call.answered || isOrigin)) {
    call.hangup = { by: partyOf(channel, call)?.number, cause, causeCode: Number.isFinite(causeCode) ? causeCode : undefined };
  }
  if (call.channels.size > 0) return;
  ctx.registry.deleteCall(call.key);
  const h = call.hangup ?? { cause, causeCode: Number.isFinite(causeCode) ? causeCode : undefined };
  await ctx.apply({
    op: "end",
    callId: call.key,
    at: eventTime(e),
    cause: h.cause ?? null,
    causeCode: h.causeCode ?? null,
    hungUpBy: h.by ?? null,
    result: resultOf(call)
  });
}

export async function onQueueCallerJoin(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const channel = known(ctx, field(e, "Uniqueid"));
  const call = ctx.registry.callOf(channel);
  const queue = knownValue(field(e, "Queue"));
  if (call && queue) await ctx.apply({ op: "update", callId: call.key, at: eventTime(e), detail: `Waiting in queue ${queue}`, queue });
}
