import type { Logger } from "pino";
import { field, knownValue, type AmiMessage } from "../ami/ami-message";
import type { PendingQueueLeaves } from "./ami-queue-mapper";
import type { Operation } from "./apply-operation";
import type { Party } from "./call-ops";
import type { ApplyOutcome } from "./call-store";
import type { ChannelRegistry, TrackedCall, TrackedChannel } from "./channel-registry";
import type { Directory } from "./directory";
import type { TrackerStats } from "./tracker-stats";

export interface MapperContext {
  registry: ChannelRegistry;
  directory: Directory;
  stats: TrackerStats;
  log: Logger;
  queueLeaves: PendingQueueLeaves;
  apply(op: Operation): Promise<ApplyOutcome>;
}

/** When the event happened: its Timestamp field (manager.conf timestampevents=yes), else now. */
export function eventTime(message: AmiMessage, now: () => Date = () => new Date()): Date {
  const stamp = Number(field(message, "Timestamp"));
  return Number.isFinite(stamp) && stamp > 0 ? new Date(Math.round(stamp * 1000)) : now();
}

/** The standard channel fields of an event, optionally under a prefix ("Dest", "Transferer"). */
export function channelFields(message: AmiMessage, prefix = "") {
  const get = (key: string) => field(message, `${prefix}${key}`);
  return {
    name: get("Channel"),
    uniqueid: get("Uniqueid"),
    linkedid: get("Linkedid"),
    state: Number(get("ChannelState") ?? "0"),
    callerNum: knownValue(get("CallerIDNum")),
    callerName: knownValue(get("CallerIDName")),
    connectedNum: knownValue(get("ConnectedLineNum")),
    exten: knownValue(get("Exten")),
    context: knownValue(get("Context"))
  };
}

/** The channel as a party of its call: extensions by number, trunk legs by the outside number. */
export function partyOf(channel: TrackedChannel, call: TrackedCall | undefined): Party | undefined {
  const p = channel.party;
  switch (p.kind) {
    case "extension":
      return { number: p.ext.number, name: p.ext.displayName, extensionId: p.ext.id };
    case "trunk":
      if (call?.originUniqueid === channel.uniqueid) return { number: channel.callerNum ?? "anonymous", name: channel.callerName ?? null };
      return { number: call?.dialed ?? channel.exten ?? p.trunk.name, name: null };
    case "local":
      return undefined;
    case "other":
      return { number: channel.callerNum ?? p.resource, name: channel.callerName ?? null };
  }
}

export function isParty(channel: TrackedChannel): boolean {
  return channel.party.kind !== "local";
}
