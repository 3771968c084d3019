import type { Logger } from "pino";
import type { Actor } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import type { AmiMessage } from "../ami/ami-message";
import * as calls from "./ami-call-mapper";
import * as queues from "./ami-queue-mapper";
import { PendingQueueLeaves, SETTLES_LEAVE_AS_LEFT } from "./ami-queue-mapper";
import * as statuses from "./ami-status-mapper";
import { onAttendedTransfer, onBlindTransfer } from "./ami-transfer-mapper";
import { applyOperation, type Operation } from "./apply-operation";
import type { ApplyOutcome, StoreDeps } from "./call-store";
import { ChannelRegistry } from "./channel-registry";
import { applyChannelSnapshot, applyContactSnapshot } from "./channel-snapshot";
import { Directory } from "./directory";
import type { MapperContext } from "./mapper-context";
import { PendingActors } from "./pending-actors";
import { interfaceResource } from "./queue-ops";
import { applyQueueSnapshot } from "./queue-snapshot";
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
  queuecallerjoin: async (ctx, e) => {
    await calls.onQueueCallerJoin(ctx, e);
    await queues.onQueueCallerJoin(ctx, e);
  },
  queuecallerleave: queues.onQueueCallerLeave,
  queuecallerabandon: queues.onQueueCallerAbandon,
  agentcalled: queues.onAgentCalled,
  agentringnoanswer: queues.onAgentRingNoAnswer,
  agentconnect: queues.onAgentConnect,
  agentcomplete: (ctx, e) => queues.onAgentComplete(ctx, e, false),
  agentdump: (ctx, e) => queues.onAgentComplete(ctx, e, true),
  queuememberadded: queues.onQueueMemberPresent,
  queuememberremoved: queues.onQueueMemberRemoved,
  queuememberpause: queues.onQueueMemberPresent,
  queuememberstatus: queues.onQueueMemberPresent,
  queuememberringinuse: queues.onQueueMemberPresent,
  queuememberpenalty: queues.onQueueMemberPresent,
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
  /** Queue activity contradicted what is recorded (unknown queue or caller, agent events out of order). */
  onQueueAnomaly?: () => void;
  /** A change could not be written (the database unreachable): what it left wrong needs a resync. */
  onWriteError?: () => void;
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
  private readonly queueLeaves = new PendingQueueLeaves();
  private readonly actors = new PendingActors();
  private readonly ctx: MapperContext;
  private readonly deps: StoreDeps;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private readonly now: () => Date;

  constructor(private readonly options: CallTrackerOptions) {
    this.directory = new Directory(options.db, options.orgId);
    this.now = options.now ?? (() => new Date());
    this.deps = { db: options.db, directory: this.directory, stats: this.stats, log: options.log, onQueueAnomaly: options.onQueueAnomaly, actors: this.actors };
    this.ctx = {
      registry: this.registry,
      directory: this.directory,
      stats: this.stats,
      log: options.log,
      queueLeaves: this.queueLeaves,
      apply: (op) => this.applyNow(op)
    };
  }

  /** Queues one AMI event. */
  handleEvent(message: AmiMessage): Promise<void> {
    if (message.kind !== "event") return Promise.resolve();
    this.stats.eventsSeen++;
    const name = message.name.toLowerCase();
    const channelId = message.fields.uniqueid;
    // Checked in turn, after the events before it (a QueueCallerLeave among them) are applied.
    if (SETTLES_LEAVE_AS_LEFT.has(name) && channelId) void this.enqueue(() => queues.settleLeave(this.ctx, channelId, "left"));
    const handler = HANDLERS[name];
    if (!handler) {
      if (!QUIET.has(name)) this.stats.unknownEvents++;
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

  /**
   * Queues a resync of the queues from QueueSummary and QueueStatus answers (after the channel
   * resync, so callers' calls are known). Leaves still waiting to be settled are settled by it.
   */
  applyQueueSnapshot(summary: readonly AmiMessage[], status: readonly AmiMessage[], at?: Date): Promise<void> {
    return this.enqueue(async () => {
      this.queueLeaves.takeAll();
      await applyQueueSnapshot(this.deps, { summary, status, at: at ?? this.now() }, (channelId) => this.registry.channel(channelId)?.callKey);
    });
  }

  /** Records who asked for a change of this member, so the PBX's report of it is recorded as theirs. */
  async expectChange(memberInterface: string, queue: string | undefined, actor: Actor): Promise<void> {
    const ext = (await this.directory.extension(interfaceResource(memberInterface))) ?? (await this.directory.extension(memberInterface));
    if (ext) this.actors.expect(ext.id, queue, actor);
  }

  /** Queues an operation from another source (simulator), in order with the events. */
  applyOp(op: Operation): Promise<ApplyOutcome | undefined> {
    return this.enqueue(() => this.applyNow(op));
  }

  /** The live non-Local channels of a call, for call control. */
  legsOf(pbxCallId: string): { name: string; uniqueid: string; origin: boolean; bridged: boolean; context?: string }[] {
    const call = this.registry.call(pbxCallId);
    if (!call) return [];
    return [...call.channels]
      .map((id) => this.registry.channel(id))
      .filter((c) => c !== undefined && c.party.kind !== "local")
      .map((c) => ({
        name: c?.name ?? "",
        uniqueid: c?.uniqueid ?? "",
        origin: c?.uniqueid === call.originUniqueid,
        bridged: Boolean(c?.bridgeId),
        context: c?.context
      }));
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

  /** Work queued and not applied yet: what a flood of events costs in memory until the database catches up. */
  get backlog(): number {
    return this.queued;
  }

  /** Resolves once everything queued so far has been applied. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private applyNow(op: Operation): Promise<ApplyOutcome> {
    return applyOperation(this.deps, op);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    this.queued++;
    const run = this.queue
      .then(task)
      .catch((error: unknown) => {
        this.stats.writeErrors++;
        this.options.log.error({ err: error }, "applying PBX activity failed");
        this.options.onWriteError?.();
        return undefined;
      })
      .finally(() => this.queued--);
    this.queue = run;
    return run;
  }
}
