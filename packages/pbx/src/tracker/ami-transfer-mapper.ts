import { field, knownValue, type AmiMessage } from "../ami/ami-message";
import type { Party } from "./call-ops";
import type { ChannelRegistry, TrackedChannel } from "./channel-registry";
import { eventTime, partyOf, type MapperContext } from "./mapper-context";

/**
 * The person behind a channel: itself, or for one half of a Local pair ("…;1"), whoever is
 * bridged with the other half ("…;2") — ring groups and queues reach phones that way.
 */
function behindLocal(reg: ChannelRegistry, channel: TrackedChannel | undefined): { real?: TrackedChannel; plumbing: TrackedChannel[] } {
  if (!channel || channel.party.kind !== "local") return { real: channel, plumbing: [] };
  const siblingName = channel.name.endsWith(";1") ? `${channel.name.slice(0, -1)}2` : `${channel.name.slice(0, -1)}1`;
  const sibling = reg.channelByName(siblingName);
  const peers = sibling?.bridgeId ? reg.bridgeMembers(sibling.bridgeId).filter((m) => m !== sibling) : [];
  return { real: peers.find((m) => m.party.kind !== "local"), plumbing: sibling ? [channel, sibling] : [channel] };
}

/**
 * BlindTransfer: the transferer sends the bridge it is in to a dialplan extension. The call keeps
 * its Linkedid; the transferee then rings the target (DialBegin → ring, answer as usual).
 */
export async function onBlindTransfer(ctx: MapperContext, e: AmiMessage): Promise<void> {
  if (field(e, "Result") !== "Success") {
    ctx.log.info({ result: field(e, "Result") }, "blind transfer did not succeed");
    return;
  }
  const transferer = ctx.registry.channel(field(e, "TransfererUniqueid"));
  const transferee = ctx.registry.channel(field(e, "TransfereeUniqueid"));
  const call = ctx.registry.callOf(transferee) ?? ctx.registry.callOf(transferer);
  const exten = knownValue(field(e, "Extension"));
  if (!call || !exten) {
    ctx.stats.unknownChannels++;
    return;
  }
  const ext = await ctx.directory.extension(exten);
  const to: Party = ext ? { number: ext.number, name: ext.displayName, extensionId: ext.id } : { number: exten, name: null };
  const by = transferer ? partyOf(transferer, call) : undefined;
  call.answered = false;
  call.holders.clear();
  call.hangup = undefined;
  if (transferer) call.transferers.add(transferer.uniqueid);
  await ctx.apply({ op: "transfer", callId: call.key, at: eventTime(e), kind: "blind", to, ...(by ? { by } : {}) });
}

/**
 * AttendedTransfer: the transferer joins the party it held (transferee, call A) with the one it
 * consulted (target, call B). The call carrying the transferee survives; the target's channel
 * (and any Local pair linking the bridges) moves into it, and the consultation call ends when the
 * transferer's remaining leg hangs up.
 */
export async function onAttendedTransfer(ctx: MapperContext, e: AmiMessage): Promise<void> {
  if (field(e, "Result") !== "Success") {
    ctx.log.info({ result: field(e, "Result") }, "attended transfer did not succeed");
    return;
  }
  const reg = ctx.registry;
  const origTransferer = reg.channel(field(e, "OrigTransfererUniqueid"));
  const transferee = reg.channel(field(e, "TransfereeUniqueid"));
  const { real: target, plumbing } = behindLocal(reg, reg.channel(field(e, "TransferTargetUniqueid")));
  const survivor = reg.callOf(transferee) ?? reg.callOf(origTransferer);
  if (!survivor) {
    ctx.stats.unknownChannels++;
    return;
  }
  const links = [field(e, "LocalOneUniqueid"), field(e, "LocalTwoUniqueid")].map((id) => reg.channel(id));
  for (const moved of [target, ...plumbing, ...links]) if (moved) reg.moveChannel(moved, survivor.key);
  const at = eventTime(e);
  const destApp = knownValue(field(e, "DestApp"));
  const to: Party | undefined = target ? partyOf(target, survivor) : destApp ? { number: destApp, name: null } : undefined;
  if (!to) return;
  const by = origTransferer ? partyOf(origTransferer, survivor) : undefined;
  survivor.holders.clear();
  survivor.answered = false;
  survivor.hangup = undefined;
  for (const uniqueid of [field(e, "OrigTransfererUniqueid"), field(e, "SecondTransfererUniqueid")]) if (uniqueid) survivor.transferers.add(uniqueid);
  await ctx.apply({ op: "transfer", callId: survivor.key, at, kind: "attended", to, ...(by ? { by } : {}) });
  // Bridge/Link/Threeway: transferee and target are talking the moment the transfer completes.
  if (target && field(e, "DestType") !== "App") {
    survivor.answered = true;
    await ctx.apply({ op: "answer", callId: survivor.key, at, by: to });
  }
}
