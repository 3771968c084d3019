import { amiEvent, snapshot, type SimChannel } from "./sim-events";

type Fields = Record<string, string>;
const AGENT = "agent,all";

/** A member as app_queue reports it (queue_member_blob_create in apps/app_queue.c, in its order). */
export interface SimMemberState {
  queue: string;
  name: string;
  iface: string;
  penalty: number;
  callsTaken: number;
  lastCall: number;
  lastPause: number;
  loginTime: number;
  inCall: boolean;
  /** AST_DEVICE_* number: 1 not in use, 2 in use, 6 ringing. */
  status: number;
  paused: boolean;
  reason: string;
  wrapUpSeconds: number;
}

export function memberFields(m: SimMemberState): Fields {
  return {
    Queue: m.queue,
    MemberName: m.name,
    Interface: m.iface,
    StateInterface: m.iface,
    Membership: "dynamic",
    Penalty: String(m.penalty),
    CallsTaken: String(m.callsTaken),
    LastCall: String(Math.floor(m.lastCall / 1000)),
    LastPause: String(Math.floor(m.lastPause / 1000)),
    LoginTime: String(Math.floor(m.loginTime / 1000)),
    InCall: m.inCall ? "1" : "0",
    Status: String(m.status),
    Paused: m.paused ? "1" : "0",
    PausedReason: m.reason,
    Ringinuse: "0",
    Wrapuptime: String(m.wrapUpSeconds)
  };
}

const call = (caller: SimChannel, agent: SimChannel, queue: string, m: SimMemberState): Fields => ({
  ...snapshot(caller),
  ...snapshot(agent, "Dest"),
  Queue: queue,
  Interface: m.iface,
  MemberName: m.name
});

/** app_queue's AMI events, as the simulator's PBX emits them. */
export const simQueue = {
  join: (at: number, caller: SimChannel, queue: string, position: number, count: number) =>
    amiEvent("QueueCallerJoin", AGENT, at, { ...snapshot(caller), Queue: queue, Position: String(position), Count: String(count) }),
  leave: (at: number, caller: SimChannel, queue: string, position: number, count: number) =>
    amiEvent("QueueCallerLeave", AGENT, at, { ...snapshot(caller), Queue: queue, Position: String(position), Count: String(count) }),
  abandon: (at: number, caller: SimChannel, queue: string, position: number, original: number, holdSeconds: number) =>
    amiEvent("QueueCallerAbandon", AGENT, at, {
      ...snapshot(caller),
      Queue: queue,
      Position: String(position),
      OriginalPosition: String(original),
      HoldTime: String(holdSeconds)
    }),
  called: (at: number, caller: SimChannel, agent: SimChannel, queue: string, m: SimMemberState) =>
    amiEvent("AgentCalled", AGENT, at, call(caller, agent, queue, m)),
  ringNoAnswer: (at: number, caller: SimChannel, agent: SimChannel, queue: string, m: SimMemberState, ringMs: number) =>
    amiEvent("AgentRingNoAnswer", AGENT, at, { ...call(caller, agent, queue, m), RingTime: String(Math.round(ringMs / 1000)) }),
  connect: (at: number, caller: SimChannel, agent: SimChannel, queue: string, m: SimMemberState, holdSeconds: number, ringSeconds: number) =>
    amiEvent("AgentConnect", AGENT, at, { ...call(caller, agent, queue, m), HoldTime: String(holdSeconds), RingTime: String(ringSeconds) }),
  complete: (at: number, caller: SimChannel, agent: SimChannel, queue: string, m: SimMemberState, holdSeconds: number, talkSeconds: number) =>
    amiEvent("AgentComplete", AGENT, at, {
      ...call(caller, agent, queue, m),
      HoldTime: String(holdSeconds),
      TalkTime: String(talkSeconds),
      Reason: "caller"
    }),
  member: (name: "QueueMemberAdded" | "QueueMemberRemoved" | "QueueMemberPause" | "QueueMemberStatus", at: number, m: SimMemberState) =>
    amiEvent(name, AGENT, at, memberFields(m))
};
