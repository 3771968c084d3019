import type { CallDirection } from "@switchboard/contracts";
import type { ChannelParty } from "./channel-party";

export interface TrackedChannel {
  uniqueid: string;
  /** The call this channel belongs to: its Linkedid, unless a transfer moved it to another call. */
  callKey: string;
  name: string;
  party: ChannelParty;
  callerNum?: string;
  callerName?: string;
  exten?: string;
  /** The dialplan context the channel is in; a redirect of a ringing call goes to its callee's. */
  context?: string;
  state: number;
  bridgeId?: string;
}

export interface TrackedCall {
  key: string;
  originUniqueid: string;
  direction: CallDirection;
  /** What the caller dialed (for outbound calls, the external number). */
  dialed?: string;
  channels: Set<string>;
  answered: boolean;
  holders: Set<string>;
  /** Channels that handed the call on; their hangup is not "who hung up". */
  transferers: Set<string>;
  lastDialStatus?: string;
  hangup?: { by?: string; cause?: string; causeCode?: number };
}

/** In-memory view of the PBX's live channels and the calls they form; rebuilt by every resync. */
export class ChannelRegistry {
  private readonly channels = new Map<string, TrackedChannel>();
  private readonly calls = new Map<string, TrackedCall>();
  private readonly bridges = new Map<string, Set<string>>();

  reset(): void {
    this.channels.clear();
    this.calls.clear();
    this.bridges.clear();
  }

  channel(uniqueid: string | undefined): TrackedChannel | undefined {
    return uniqueid ? this.channels.get(uniqueid) : undefined;
  }

  channelByName(name: string): TrackedChannel | undefined {
    for (const channel of this.channels.values()) if (channel.name === name) return channel;
    return undefined;
  }

  call(key: string | undefined): TrackedCall | undefined {
    return key ? this.calls.get(key) : undefined;
  }

  callOf(channel: TrackedChannel | undefined): TrackedCall | undefined {
    return channel ? this.calls.get(channel.callKey) : undefined;
  }

  addCall(call: TrackedCall): void {
    this.calls.set(call.key, call);
  }

  deleteCall(key: string): void {
    this.calls.delete(key);
  }

  addChannel(channel: TrackedChannel): void {
    this.channels.set(channel.uniqueid, channel);
    this.calls.get(channel.callKey)?.channels.add(channel.uniqueid);
    if (channel.bridgeId) this.enterBridge(channel, channel.bridgeId);
  }

  /** Removes a hung-up channel; returns its call, which may now have no channels left. */
  removeChannel(channel: TrackedChannel): TrackedCall | undefined {
    this.leaveBridge(channel);
    this.channels.delete(channel.uniqueid);
    const call = this.calls.get(channel.callKey);
    call?.channels.delete(channel.uniqueid);
    call?.holders.delete(channel.uniqueid);
    return call;
  }

  /** Moves a channel into another call (attended transfers join two calls into one). */
  moveChannel(channel: TrackedChannel, toKey: string): void {
    if (channel.callKey === toKey) return;
    this.calls.get(channel.callKey)?.channels.delete(channel.uniqueid);
    channel.callKey = toKey;
    this.calls.get(toKey)?.channels.add(channel.uniqueid);
  }

  enterBridge(channel: TrackedChannel, bridgeId: string): TrackedChannel[] {
    this.leaveBridge(channel);
    channel.bridgeId = bridgeId;
    const members = this.bridges.get(bridgeId) ?? new Set<string>();
    members.add(channel.uniqueid);
    this.bridges.set(bridgeId, members);
    return this.bridgeMembers(bridgeId);
  }

  leaveBridge(channel: TrackedChannel): void {
    if (!channel.bridgeId) return;
    const members = this.bridges.get(channel.bridgeId);
    members?.delete(channel.uniqueid);
    if (members?.size === 0) this.bridges.delete(channel.bridgeId);
    channel.bridgeId = undefined;
  }

  bridgeMembers(bridgeId: string): TrackedChannel[] {
    return [...(this.bridges.get(bridgeId) ?? [])].map((id) => this.channels.get(id)).filter((c): c is TrackedChannel => Boolean(c));
  }

  allCalls(): TrackedCall[] {
    return [...this.calls.values()];
  }
}
