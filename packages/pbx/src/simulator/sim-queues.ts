import type { DbClient } from "@switchboard/db";
import type { AmiMessage } from "../ami/ami-message";
import type { Directory, DirectoryExtension } from "../tracker/directory";
import { amiEvent } from "./sim-events";
import { memberFields, type SimMemberState } from "./sim-queue-events";

export interface SimQueueConfig {
  name: string;
  wrapUpSeconds: number;
  members: { ext: DirectoryExtension; iface: string; penalty: number }[];
}

const MEMBER_EVENTS = new Set(["queuememberadded", "queuememberremoved", "queuememberpause", "queuememberstatus"]);
const key = (queue: string, iface: string) => `${queue.toLowerCase()}|${iface}`;

/**
 * The simulated PBX's queues: their configuration, and each member's live state as app_queue
 * holds it. Scenarios schedule member events by intent (pause this member, its phone rings); the
 * full member fields are filled in when an event is due, from the state at that moment, so a pause
 * asked for from the console is never undone by an event planned before it.
 */
export class SimQueues {
  private readonly live = new Map<string, SimMemberState>();
  /** Memberships signed out from the console (queue|interface): no scenario rings them there. */
  private readonly signedOut = new Set<string>();
  /** When a console-paused agent was planned to be free before the pause. */
  private readonly freeBeforePause = new Map<string, number>();
  /** Planned stays of callers per queue, for their positions. */
  private readonly waits = new Map<string, [from: number, to: number][]>();

  constructor(
    readonly queues: SimQueueConfig[],
    readonly pauseReasons: string[],
    start: number
  ) {
    for (const q of queues) {
      for (const m of q.members) {
        this.live.set(key(q.name, m.iface), {
          queue: q.name,
          name: m.ext.displayName,
          iface: m.iface,
          penalty: m.penalty,
          callsTaken: 0,
          lastCall: 0,
          lastPause: 0,
          loginTime: start,
          inCall: false,
          status: 1,
          paused: false,
          reason: "",
          wrapUpSeconds: 0
        });
      }
    }
  }

  /** QueueStatus as the simulated PBX would answer it: every member signed in, nobody waiting. */
  statusList(at: number): AmiMessage[] {
    return [...this.live.values()].map((m) => {
      const { Interface: location, MemberName: name, ...rest } = memberFields(m);
      return amiEvent("QueueMember", "agent,all", at, { ...rest, Name: name ?? "", Location: location ?? "" });
    });
  }

  /** How many callers are planned to wait in the queue at `at`. */
  waitingAt(queue: string, at: number): number {
    return (this.waits.get(queue) ?? []).filter(([from, to]) => from <= at && at < to).length;
  }

  addWait(queue: string, from: number, to: number): void {
    const list = (this.waits.get(queue) ?? []).filter(([, end]) => end > from - 3_600_000);
    list.push([from, to]);
    this.waits.set(queue, list);
  }

  member(queue: string, iface: string): SimMemberState | undefined {
    return this.live.get(key(queue, iface));
  }

  membersOf(extId: string): { queue: string; iface: string }[] {
    return this.queues.flatMap((q) => q.members.filter((m) => m.ext.id === extId).map((m) => ({ queue: q.name, iface: m.iface })));
  }

  isSignedOut(queue: string, iface: string): boolean {
    return this.signedOut.has(key(queue, iface));
  }

  /** Signed out of every queue they are in. */
  isSignedOutEverywhere(extId: string): boolean {
    const memberships = this.membersOf(extId);
    return memberships.length > 0 && memberships.every((m) => this.isSignedOut(m.queue, m.iface));
  }

  setSignedOut(queue: string, iface: string, out: boolean): void {
    if (out) this.signedOut.add(key(queue, iface));
    else this.signedOut.delete(key(queue, iface));
  }

  /** Adds a member the configuration did not have (Asterisk adds any interface to a queue on request). */
  addMember(queue: SimQueueConfig, member: SimQueueConfig["members"][number], at: number): void {
    if (!queue.members.some((m) => m.iface === member.iface)) queue.members.push(member);
    if (this.live.has(key(queue.name, member.iface))) return;
    this.live.set(key(queue.name, member.iface), {
      queue: queue.name,
      name: member.ext.displayName,
      iface: member.iface,
      penalty: member.penalty,
      callsTaken: 0,
      lastCall: 0,
      lastPause: 0,
      loginTime: at,
      inCall: false,
      status: 1,
      paused: false,
      reason: "",
      wrapUpSeconds: 0
    });
  }

  rememberFreeBeforePause(extId: string, freeAt: number): void {
    if (!this.freeBeforePause.has(extId)) this.freeBeforePause.set(extId, freeAt);
  }

  takeFreeBeforePause(extId: string): number {
    const at = this.freeBeforePause.get(extId) ?? 0;
    this.freeBeforePause.delete(extId);
    return at;
  }

  isPaused(extId: string): boolean {
    return this.membersOf(extId).some((m) => this.member(m.queue, m.iface)?.paused);
  }

  /**
   * The event as the PBX emits it when it is due: member events get the member's whole state
   * (after applying what they announce), AgentComplete counts the member's call.
   */
  emit(message: AmiMessage): AmiMessage {
    const name = message.name.toLowerCase();
    const f = message.fields;
    const member = f.queue && f.interface ? this.member(f.queue, f.interface) : undefined;
    if (!member) return message;
    const at = Math.round(Number(f.timestamp) * 1000);
    if (name === "agentcomplete") {
      member.callsTaken++;
      member.lastCall = at;
      return message;
    }
    if (!MEMBER_EVENTS.has(name)) return message;
    if (name === "queuememberpause") {
      member.paused = f.paused === "1";
      member.reason = member.paused ? (f.pausedreason ?? "") : "";
      member.lastPause = at;
    }
    if (name === "queuememberstatus") {
      member.status = Number(f.status ?? member.status);
      member.inCall = f.incall === "1";
    }
    if (name === "queuememberadded") member.loginTime = at;
    if (name === "queuememberremoved") {
      member.paused = false;
      member.reason = "";
    }
    return amiEvent(message.name, "agent,all", at, memberFields(member));
  }
}

/** A member event to be filled in by SimQueues.emit when due. */
export function memberIntent(
  name: "QueueMemberAdded" | "QueueMemberRemoved" | "QueueMemberPause" | "QueueMemberStatus",
  at: number,
  queue: string,
  iface: string,
  fields: Record<string, string> = {}
): AmiMessage {
  return amiEvent(name, "agent,all", at, { Queue: queue, Interface: iface, ...fields });
}

/** The organization's queues, members and pause reasons as the simulated PBX is configured with them. */
export async function loadSimQueues(db: DbClient, orgId: string, directory: Directory, start: number): Promise<SimQueues> {
  const [queues, reasons] = await Promise.all([
    db.queue.findMany({
      where: { organizationId: orgId },
      orderBy: { name: "asc" },
      select: { name: true, wrapUpSeconds: true, members: { select: { extensionId: true, interface: true, penalty: true }, orderBy: { interface: "asc" } } }
    }),
    db.pauseReason.findMany({ where: { organizationId: orgId }, orderBy: { label: "asc" }, select: { label: true } })
  ]);
  const configs = queues.map((q) => ({
    name: q.name,
    wrapUpSeconds: q.wrapUpSeconds,
    members: q.members.flatMap((m) => {
      const ext = directory.extensionById(m.extensionId);
      return ext ? [{ ext, iface: m.interface, penalty: m.penalty }] : [];
    })
  }));
  return new SimQueues(
    configs,
    reasons.map((r) => r.label),
    start
  );
}
