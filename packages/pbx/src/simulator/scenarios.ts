import { sim, type SimChannel } from "./sim-events";
import type { SimWorld } from "./sim-world";
import type { DirectoryExtension } from "../tracker/directory";

const CALLER_NAMES = ["Jane Caller", "Max Customer", "Lee Buyer", "Kim Client", "", "", "Acme Corp", "Dr. Rivera"];
const device = (ext: DirectoryExtension) => `PJSIP/${ext.number}`;

/** Rings `callee` from `caller` starting at `t`; returns when it answered, or undefined if it did not. */
function ring(w: SimWorld, t: number, caller: SimChannel, callee: SimChannel, ext: DirectoryExtension, answer: boolean): number | undefined {
  w.emit(t, sim.newchannel(t, callee));
  w.emit(t, sim.dialBegin(t, caller, callee));
  const ringing = t + w.between(0.3, 1.5);
  w.emit(ringing, sim.newstate(ringing, callee, 5));
  w.emit(ringing, sim.deviceState(ringing, device(ext), "RINGING"));
  if (!answer) {
    const timeout = ringing + w.between(15, 25);
    w.emit(timeout, sim.dialEnd(timeout, caller, callee, "NOANSWER"));
    w.emit(timeout, sim.hangup(timeout, callee, 16, "Normal Clearing"));
    w.emit(timeout, sim.deviceState(timeout, device(ext), "NOT_INUSE"));
    return undefined;
  }
  const answered = ringing + w.between(2, 12);
  w.emit(answered, sim.newstate(answered, callee, 6));
  w.emit(answered, sim.deviceState(answered, device(ext), "INUSE"));
  w.emit(answered, sim.dialEnd(answered, caller, callee, "ANSWER"));
  if (caller.state !== 6) w.emit(answered, sim.newstate(answered, caller, 6));
  return answered;
}

function connect(w: SimWorld, t: number, a: SimChannel, b: SimChannel): string {
  const id = w.bridgeId();
  w.emit(t, sim.bridgeEnter(t, id, 1, a));
  w.emit(t, sim.bridgeEnter(t, id, 2, b));
  return id;
}

function hangUpBoth(w: SimWorld, t: number, bridgeId: string, first: SimChannel, second: SimChannel): void {
  w.emit(t, sim.bridgeLeave(t, bridgeId, 1, first));
  w.emit(t, sim.hangup(t, first, 16, "Normal Clearing"));
  w.emit(t, sim.bridgeLeave(t, bridgeId, 0, second));
  w.emit(t, sim.hangup(t, second, 16, "Normal Clearing"));
}

/** Inbound from a DID via a trunk: answered (sometimes with hold or a blind transfer) or missed. */
export function inboundCall(w: SimWorld, t: number, variant: "answered" | "hold" | "transfer" | "missed"): void {
  const trunk = w.pick(w.trunks);
  const did = w.pick(w.dids);
  if (!trunk || !did) return;
  const caller = w.trunkChannel(t, trunk, undefined, w.externalNumber(), w.pick(CALLER_NAMES) ?? "", did, 4);
  w.emit(t, sim.newchannel(t, caller));
  const talk = w.between(15, 150);
  const agent = w.reserveIdle(t, t + 600_000);
  if (!agent) {
    const gaveUp = t + w.between(10, 30);
    w.emit(gaveUp, sim.hangup(gaveUp, caller, 16, "Normal Clearing"));
    return;
  }
  const leg = w.extensionChannel(t, agent, caller.uniqueid, "s", 0);
  const answered = ring(w, t + 200, caller, leg, agent, variant !== "missed");
  if (answered === undefined) {
    const gaveUp = t + w.between(25, 35);
    w.emit(gaveUp, sim.hangup(gaveUp, caller, 16, "Normal Clearing"));
    w.occupy(agent.id, gaveUp);
    return;
  }
  const bridgeId = connect(w, answered, caller, leg);
  let end = answered + talk;
  if (variant === "hold") {
    const held = answered + Math.round(talk * 0.3);
    const resumed = held + w.between(10, 60);
    w.emit(held, sim.hold(held, leg));
    w.emit(held, sim.deviceState(held, device(agent), "ONHOLD"));
    w.emit(resumed, sim.unhold(resumed, leg));
    w.emit(resumed, sim.deviceState(resumed, device(agent), "INUSE"));
    end = Math.max(end, resumed + w.between(10, 60));
  }
  if (variant === "transfer") {
    const target = w.reserveIdle(answered, answered + 600_000, agent.id);
    if (target) return blindTransfer(w, answered + w.between(15, 60), caller, leg, agent, bridgeId, target);
  }
  hangUpBoth(w, end, bridgeId, ...(w.chance(0.5) ? ([caller, leg] as const) : ([leg, caller] as const)));
  w.emit(end, sim.deviceState(end, device(agent), "NOT_INUSE"));
  w.occupy(agent.id, end);
}

function blindTransfer(
  w: SimWorld,
  t: number,
  caller: SimChannel,
  leg: SimChannel,
  agent: DirectoryExtension,
  bridgeId: string,
  target: DirectoryExtension
): void {
  w.emit(t, sim.hold(t, leg));
  const sent = t + w.between(3, 8);
  w.emit(sent, sim.unhold(sent, leg));
  w.emit(sent, sim.blindTransfer(sent, leg, caller, bridgeId, target.number));
  w.emit(sent, sim.bridgeLeave(sent, bridgeId, 1, caller));
  w.emit(sent, sim.bridgeLeave(sent, bridgeId, 0, leg));
  w.emit(sent, sim.hangup(sent, leg, 16, "Normal Clearing"));
  w.emit(sent, sim.deviceState(sent, device(agent), "NOT_INUSE"));
  w.occupy(agent.id, sent);
  const next = w.extensionChannel(sent, target, caller.linkedid, "s", 0);
  const answered = ring(w, sent + 100, caller, next, target, true) ?? sent;
  const bridge = connect(w, answered, caller, next);
  const end = answered + w.between(20, 180);
  hangUpBoth(w, end, bridge, next, caller);
  w.emit(end, sim.deviceState(end, device(target), "NOT_INUSE"));
  w.occupy(target.id, end);
}

/** Extension to extension: answered, unanswered, or busy when the callee is on another call. */
export function internalCall(w: SimWorld, t: number, answer: boolean): void {
  const from = w.reserveIdle(t, t + 400_000);
  if (!from) return;
  const to = w.pick(w.general().filter((e) => e.id !== from.id));
  if (!to) return;
  const a = w.extensionChannel(t, from, undefined, to.number, 4);
  w.emit(t, sim.newchannel(t, a));
  if (w.isBusy(to.id, t)) {
    const b = w.extensionChannel(t, to, a.uniqueid, "s", 0);
    w.emit(t, sim.newchannel(t, b));
    w.emit(t, sim.dialBegin(t, a, b));
    const busy = t + w.between(0.3, 1);
    w.emit(busy, sim.dialEnd(busy, a, b, "BUSY"));
    w.emit(busy, sim.hangup(busy, b, 17, "User busy"));
    const end = busy + w.between(2, 5);
    w.emit(end, sim.hangup(end, a, 17, "User busy"));
    w.occupy(from.id, end);
    return;
  }
  w.occupy(to.id, t + 400_000);
  const b = w.extensionChannel(t, to, a.uniqueid, "s", 0);
  const answered = ring(w, t + 150, a, b, to, answer);
  if (answered === undefined) {
    const end = t + w.between(26, 30);
    w.emit(end, sim.hangup(end, a, 16, "Normal Clearing"));
    w.occupy(from.id, end);
    w.occupy(to.id, end);
    return;
  }
  w.emit(answered, sim.deviceState(answered, device(from), "INUSE"));
  const bridgeId = connect(w, answered, a, b);
  const end = answered + w.between(15, 200);
  hangUpBoth(w, end, bridgeId, ...(w.chance(0.5) ? ([a, b] as const) : ([b, a] as const)));
  w.emit(end, sim.deviceState(end, device(from), "NOT_INUSE"));
  w.emit(end, sim.deviceState(end, device(to), "NOT_INUSE"));
  w.occupy(from.id, end);
  w.occupy(to.id, end);
}

/** An extension dials an outside number through a trunk. */
export function outboundCall(w: SimWorld, t: number, answer: boolean): void {
  const from = w.reserveIdle(t, t + 400_000);
  const trunk = w.pick(w.trunks);
  if (!from || !trunk) return;
  const number = w.externalNumber();
  const a = w.extensionChannel(t, from, undefined, number, 4);
  const b = w.trunkChannel(t, trunk, a.uniqueid, w.dids[0] ?? from.number, "", "s", 0);
  w.emit(t, sim.newchannel(t, a));
  w.emit(t, sim.newchannel(t, b));
  w.emit(t, sim.dialBegin(t, a, b));
  const ringing = t + w.between(1, 3);
  w.emit(ringing, sim.newstate(ringing, b, 5));
  if (!answer) {
    const end = ringing + w.between(20, 30);
    w.emit(end, sim.dialEnd(end, a, b, "NOANSWER"));
    w.emit(end, sim.hangup(end, b, 16, "Normal Clearing"));
    w.emit(end, sim.hangup(end, a, 16, "Normal Clearing"));
    w.occupy(from.id, end);
    return;
  }
  const answered = ringing + w.between(3, 15);
  w.emit(answered, sim.newstate(answered, b, 6));
  w.emit(answered, sim.dialEnd(answered, a, b, "ANSWER"));
  w.emit(answered, sim.newstate(answered, a, 6));
  w.emit(answered, sim.deviceState(answered, device(from), "INUSE"));
  const bridgeId = connect(w, answered, a, b);
  const end = answered + w.between(20, 300);
  hangUpBoth(w, end, bridgeId, ...(w.chance(0.5) ? ([a, b] as const) : ([b, a] as const)));
  w.emit(end, sim.deviceState(end, device(from), "NOT_INUSE"));
  w.occupy(from.id, end);
}

/** A phone dropping off the network and coming back, DND toggled, or a trunk registration bouncing. */
export function statusFlap(w: SimWorld, t: number): void {
  const roll = w.random();
  if (roll < 0.6) {
    const ext = w.reserveIdle(t, t + 120_000);
    if (!ext) return;
    const uri = `sip:${ext.number}@192.0.2.${10 + (Number.parseInt(ext.number, 10) % 200 || 0)}:5060`;
    const back = t + w.between(20, 90);
    w.emit(t, sim.contactStatus(t, ext.number, "Unreachable", uri));
    w.emit(t, sim.deviceState(t, device(ext), "UNAVAILABLE"));
    w.emit(back, sim.contactStatus(back, ext.number, "Reachable", uri));
    w.emit(back, sim.deviceState(back, device(ext), "NOT_INUSE"));
    w.occupy(ext.id, back);
  } else if (roll < 0.9) {
    const ext = w.pick(w.extensions);
    if (!ext) return;
    const off = t + w.between(60, 300);
    w.emit(t, sim.presence(t, ext.number, "dnd"));
    w.emit(off, sim.presence(off, ext.number, "available"));
  } else {
    const trunk = w.pick(w.trunks.filter((tr) => tr.registrationRequired));
    if (!trunk) return;
    const back = t + w.between(20, 60);
    w.emit(t, sim.registry(t, trunk.host, "Rejected", "408 Request Timeout"));
    w.emit(back, sim.registry(back, trunk.host, "Registered"));
  }
}

/** Everyone registered and idle, registering trunks registered: the state the simulation starts from. */
export function initialRegistrations(w: SimWorld, t: number): void {
  for (const ext of w.extensions) {
    w.emit(t, sim.contactStatus(t, ext.number, "Reachable", `sip:${ext.number}@192.0.2.10:5060`));
    w.emit(t, sim.deviceState(t, device(ext), "NOT_INUSE"));
    w.emit(t, sim.presence(t, ext.number, "available"));
  }
  for (const trunk of w.trunks) if (trunk.registrationRequired) w.emit(t, sim.registry(t, trunk.host, "Registered"));
}
