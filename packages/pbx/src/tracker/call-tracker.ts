import type { Logger } from "pino";
import type { DbClient } from "@switchboard/db";
import type { AmiMessage } from "../ami/ami-message";
import * as calls from "./ami-call-mapper";
import * as statuses from "./ami-status-mapper";
import { onAttendedTransfer, onBlindTransfer } from "./ami-transfer-mapper";
import type { CallOp, StatusOp } from "./call-ops";
import { applyCallOp, type ApplyOutcome, type StoreDeps } from "./call-store";
import { ChannelRegistry } from "./channel-registry";
import { applyChannelSnapshot, applyContactSnapshot } from "./channel-snapshot";
import { Directory } from "./directory";
import type { MapperContext } from "./mapper-context";
import { applyStatusOp } from "./status-store";
import { createTrackerStats, type TrackerStats } from "./tracker-stats";

type Handler = (ctx: MapperContext, e: AmiMessage) => unknown;

const HANDLERS: Record<string, Handler> = {
  newchannel: calls.onNewchannel,
  newstate: calls.onNewstate,
  dialbegin: calls.onDialBegin,
  dialend: calls.onDialEnd,
  dialstate: calls.onDialState,
  bridgeenter: calls.onBridgeEnter,
  bridgeleave: calls.onBridgeLeave,
  hold: (ctx, e) => calls.onHold(ctx, e, true),
  unhold: (ctx, e) => calls.onHold(ctx, e, false),
  hangup: calls.onHangup,
  queuecallerjoin: calls.onQueueCallerJoin,
  blindtransfer: onBlindTransfer,
  attendedtransfer: onAttendedTransfer,
  devicestatechange: statuses.onDeviceStateChange,
  extensionstatus: statuses.onExtensionStatus,
  presencestatechange: statuses.onPresenceStateChange,
  contactstatus: statuses.onContactStatus,
  contactlist: statuses.onContactList,
  peerstatus: statuses.onPeerStatus,
  registry: statuses.onRegistry,
  outboundregistrationdetail: statuses.onOutboundRegistrationDetail
};

/** Events that are part of the protocol's chatter and mean nothing for calls or lamps. */
const QUIET = new Set([
  "fullybooted",
  "varset",
  "newexten",
  "newcallerid",
  "newconnectedline",
  "newaccountcode",
  "bridgecreate",
  "bridgedestroy",
  "bridgemerge",
  "musiconholdstart",
  "musiconholdstop",
  "hanguprequest",
  "softhanguprequest",
  "localbridge",
  "localoptimizationbegin",
  "localoptimizationend",
  "dtmfbegin",
  "dtmfend",
  "rtcpsent",
  "rtcpreceived",
  "userevent"
]);

export interface CallTrackerOptions {
  db: DbClient;
  orgId: string;
  log: Logger;
  now?: () => Date;
}

/**
 * Turns one PBX's AMI event stream into calls, timelines and statuses of one organization. Events
 * are applied strictly one after another in arrival order; a failure is logged and counted and the
 * stream goes on (the next resync repairs what it left).
 */
export class CallTracker {
  readonly stats: TrackerStats = createTrackerStats();
  readonly directory: Directory;
  private readonly registry = new ChannelRegistry();
  private readonly ctx: MapperContext;
  private readonly deps: StoreDeps;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly options: CallTrackerOptions) {
    this.directory = new Directory(options.db, options.orgId);
    this.now = options.now ?? (() => new Date());
    this.deps = { db: options.db, directory: this.directory, stats: this.stats, log: options.log };
    this.ctx = { registry: this.registry, directory: this.directory, stats: this.stats, log: options.log, apply: (op) => this.applyNow(op) };
  }

  /** Queues one AMI event. */
  handleEvent(message: AmiMessage): Promise<void> {
    if (message.kind !== "event") return Promise.resolve();
    this.stats.eventsSeen++;
    const handler = HANDLERS[message.name.toLowerCase()];
    if (!handler) {
      if (!QUIET.has(message.name.toLowerCase())) this.stats.unknownEvents++;
      return Promise.resolve();
    }
    return this.enqueue(async () => {
      await handler(this.ctx, message);
      this.stats.eventsApplied++;
    });
  }

  /** Queues a resync of channels from a CoreShowChannels answer. */
  applyChannelSnapshot(rows: readonly AmiMessage[]): Promise<void> {
    return this.enqueue(async () => {
      this.stats.resyncs++;
      await this.directory.load();
      await applyChannelSnapshot(this.ctx, this.options.db, rows, this.now());
    });
  }

  /** Queues the contact list of a PJSIPShowContacts answer: registered phones, the rest unregistered. */
  applyContactSnapshot(rows: readonly AmiMessage[]): Promise<void> {
    return this.enqueue(async () => {
      const registered = new Set<string>();
      for (const row of rows) {
        const id = await statuses.onContactList(this.ctx, row);
        if (id) registered.add(id);
      }
      await applyContactSnapshot(this.ctx, registered, this.now());
    });
  }

  /** Queues an operation from another source (simulator), in order with the events. */
  applyOp(op: CallOp | StatusOp): Promise<ApplyOutcome | undefined> {
    return this.enqueue(() => this.applyNow(op));
  }

  /** The live non-Local channels of a call, for call control. */
  legsOf(pbxCallId: string): { name: string; uniqueid: string; origin: boolean; bridged: boolean }[] {
    const call = this.registry.call(pbxCallId);
    if (!call) return [];
    return [...call.channels]
      .map((id) => this.registry.channel(id))
      .filter((c) => c !== undefined && c.party.kind !== "local")
      .map((c) => ({ name: c?.name ?? "", uniqueid: c?.uniqueid ?? "", origin: c?.uniqueid === call.originUniqueid, bridged: Boolean(c?.bridgeId) }));
  }

  /** Ends every call still live in the registry (a simulator stopping, a connector retiring). */
  endLiveCalls(at: Date, cause: string): Promise<void> {
    return this.enqueue(async () => {
      for (const call of this.registry.allCalls()) {
        this.registry.deleteCall(call.key);
        await this.applyNow({ op: "end", callId: call.key, at, cause, causeCode: null, hungUpBy: null });
      }
    }).then(() => undefined);
  }

  /** Resolves once everything queued so far has been applied. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private applyNow(op: CallOp | StatusOp): Promise<ApplyOutcome> {
    return op.op === "extension_status" || op.op === "trunk_status" ? applyStatusOp(this.deps, op) : applyCallOp(this.deps, op);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(task).catch((error: unknown) => {
      this.stats.writeErrors++;
      this.options.log.error({ err: error }, "applying PBX activity failed");
      return undefined;
    });
    this.queue = run;
    return run;
  }
}
