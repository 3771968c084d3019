import { sim, type SimChannel } from "./sim-events";
import { simQueue } from "./sim-queue-events";
import { memberIntent, type SimQueueConfig, type SimQueues } from "./sim-queues";
import type { SimWorld } from "./sim-world";

const CALLER_NAMES = ["Jane Caller", "Max Customer", "Lee Buyer", "Kim Client", "", "Acme Corp", "Dr. Rivera", "Pat Patel"];
const RING_TIMEOUT_S = 15;

type Member = SimQueueConfig["members"][number];

/** Every queue the agent is in hears of their phone's state (QueueMemberStatus per membership). */
function phoneState(w: SimWorld, q: SimQueues, at: number, member: Member, status: number, inCallQueue?: string): void {
  for (const m of q.membersOf(member.ext.id)) {
    w.emit(at, memberIntent("QueueMemberStatus", at, m.queue, m.iface, { Status: String(status), InCall: m.queue === inCallQueue ? "1" : "0" }));
  }
}

/** The member who is free soonest (not paused, signed in), reserved from `from` on; undefined if none. */
function nextFree(w: SimWorld, q: SimQueues, config: SimQueueConfig, from: number, except?: string): { member: Member; at: number } | undefined {
  const candidates = config.members
    .filter((m) => m.ext.id !== except && !q.isSignedOut(config.name, m.iface))
    .map((m) => ({ member: m, at: Math.max(from, w.freeAt(m.ext.id)) }))
    .filter((c) => Number.isFinite(c.at))
    .sort((a, b) => a.at - b.at || a.member.penalty - b.member.penalty);
  const soonest = candidates[0]?.at;
  const pick = w.pick(candidates.filter((c) => c.at === soonest));
  if (pick) w.occupy(pick.member.ext.id, pick.at + 600_000);
  return pick;
}

/** The queue rings one member for the caller; returns when they answered (undefined: no answer). */
function ringMember(w: SimWorld, q: SimQueues, queue: string, caller: SimChannel, member: Member, at: number, answer: boolean) {
  const leg = w.extensionChannel(at, member.ext, caller.linkedid, "s", 0);
  const state = q.member(queue, member.iface);
  if (!state) return undefined;
  w.emit(at, sim.newchannel(at, leg));
  w.emit(at, simQueue.called(at, caller, leg, queue, state));
  w.emit(at, sim.dialBegin(at, caller, leg));
  const ringing = at + w.between(0.3, 1);
  w.emit(ringing, sim.newstate(ringing, leg, 5));
  w.emit(ringing, sim.deviceState(ringing, `PJSIP/${member.ext.number}`, "RINGING"));
  phoneState(w, q, ringing, member, 6);
  if (!answer) {
    const timeout = ringing + RING_TIMEOUT_S * 1000;
    w.emit(timeout, simQueue.ringNoAnswer(timeout, caller, leg, queue, state, timeout - at));
    w.emit(timeout, sim.dialEnd(timeout, caller, leg, "NOANSWER"));
    w.emit(timeout, sim.hangup(timeout, leg, 16, "Normal Clearing"));
    w.emit(timeout, sim.deviceState(timeout, `PJSIP/${member.ext.number}`, "NOT_INUSE"));
    phoneState(w, q, timeout, member, 1);
    w.occupy(member.ext.id, timeout);
    return { leg, answered: undefined, until: timeout };
  }
  const answered = ringing + w.between(2, 8);
  w.emit(answered, sim.newstate(answered, leg, 6));
  w.emit(answered, sim.deviceState(answered, `PJSIP/${member.ext.number}`, "INUSE"));
  w.emit(answered, sim.dialEnd(answered, caller, leg, "ANSWER"));
  return { leg, answered, until: answered };
}

/**
 * A caller from a DID waits in one of the queues: answered by the first free member (sometimes
 * after one who does not answer), or abandons when nobody is free before their patience runs out.
 * The agent wraps up after the call.
 */
export function queueCall(w: SimWorld, q: SimQueues, t: number): void {
  const config = w.pick(q.queues);
  const trunk = w.pick(w.trunks);
  const did = w.pick(w.dids);
  if (!config || !trunk || !did || config.members.length === 0) return;
  const caller = w.trunkChannel(t, trunk, undefined, w.externalNumber(), w.pick(CALLER_NAMES) ?? "", did, 4);
  w.emit(t, sim.newchannel(t, caller));
  const joined = t + w.between(0.5, 3);
  const patience = w.between(20, 150);
  const position = q.waitingAt(config.name, joined) + 1;
  w.emit(joined, simQueue.join(joined, caller, config.name, position, position));

  const first = nextFree(w, q, config, joined + w.between(1, 4));
  if (!first || first.at - joined > patience) {
    if (first) w.occupy(first.member.ext.id, first.at);
    const gaveUp = joined + patience;
    q.addWait(config.name, joined, gaveUp);
    w.emit(gaveUp, simQueue.abandon(gaveUp, caller, config.name, position, position, Math.round(patience / 1000)));
    w.emit(gaveUp, simQueue.leave(gaveUp, caller, config.name, position, Math.max(0, position - 1)));
    w.emit(gaveUp, sim.hangup(gaveUp, caller, 16, "Normal Clearing"));
    return;
  }
  let ring = ringMember(w, q, config.name, caller, first.member, first.at, !w.chance(0.2));
  let member = first.member;
  if (ring && ring.answered === undefined) {
    // Nobody picked up: the queue tries the next free member.
    const second = nextFree(w, q, config, ring.until, first.member.ext.id);
    if (!second || second.at - joined > patience + 30_000) {
      if (second) w.occupy(second.member.ext.id, second.at);
      const gaveUp = Math.max(ring.until, joined + patience);
      q.addWait(config.name, joined, gaveUp);
      w.emit(gaveUp, simQueue.abandon(gaveUp, caller, config.name, position, position, Math.round((gaveUp - joined) / 1000)));
      w.emit(gaveUp, simQueue.leave(gaveUp, caller, config.name, position, Math.max(0, position - 1)));
      w.emit(gaveUp, sim.hangup(gaveUp, caller, 16, "Normal Clearing"));
      return;
    }
    member = second.member;
    ring = ringMember(w, q, config.name, caller, member, second.at, true);
  }
  const answered = ring?.answered;
  const state = q.member(config.name, member.iface);
  if (!ring || answered === undefined || !state) return;
  const holdSeconds = Math.round((answered - joined) / 1000);
  q.addWait(config.name, joined, answered);
  w.emit(answered, simQueue.leave(answered, caller, config.name, position, Math.max(0, position - 1)));
  w.emit(answered, simQueue.connect(answered, caller, ring.leg, config.name, state, holdSeconds, Math.round((answered - first.at) / 1000)));
  phoneState(w, q, answered, member, 2, config.name);
  const bridgeId = w.bridgeId();
  w.emit(answered, sim.bridgeEnter(answered, bridgeId, 1, caller));
  w.emit(answered, sim.bridgeEnter(answered, bridgeId, 2, ring.leg));
  const end = answered + w.between(20, 240);
  const [a, b] = w.chance(0.6) ? [caller, ring.leg] : [ring.leg, caller];
  w.emit(end, sim.bridgeLeave(end, bridgeId, 1, a));
  w.emit(end, sim.hangup(end, a, 16, "Normal Clearing"));
  w.emit(end, sim.bridgeLeave(end, bridgeId, 0, b));
  w.emit(end, sim.hangup(end, b, 16, "Normal Clearing"));
  w.emit(end, simQueue.complete(end, caller, ring.leg, config.name, state, holdSeconds, Math.round((end - answered) / 1000)));
  w.emit(end, sim.deviceState(end, `PJSIP/${member.ext.number}`, "NOT_INUSE"));
  phoneState(w, q, end, member, 1);
  w.occupy(member.ext.id, end + config.wrapUpSeconds * 1000);
}

/** An idle agent pauses (in all their queues) with one of the organization's reasons, and resumes later. */
export function agentPause(w: SimWorld, q: SimQueues, t: number): void {
  const agents = [...new Map(q.queues.flatMap((c) => c.members).map((m) => [m.ext.id, m])).values()];
  const idle = agents.filter((m) => !w.isBusy(m.ext.id, t) && !q.isSignedOutEverywhere(m.ext.id));
  const member = w.pick(idle);
  if (!member) return;
  const reason = w.pick(q.pauseReasons) ?? "Break";
  const resume = t + w.between(45, 420);
  for (const m of q.membersOf(member.ext.id).filter((m) => !q.isSignedOut(m.queue, m.iface))) {
    w.emit(t, memberIntent("QueueMemberPause", t, m.queue, m.iface, { Paused: "1", PausedReason: reason }));
    w.emit(resume, memberIntent("QueueMemberPause", resume, m.queue, m.iface, { Paused: "0", PausedReason: "" }));
  }
  w.occupy(member.ext.id, resume);
}
