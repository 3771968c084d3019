import type { DomainEvent, QueueCallerView, QueueMemberView, QueueView } from "@switchboard/contracts";

/** Queue views and events for the queue features' unit tests: Ana (102) available in support, a caller Jo. */
export const T0 = Date.parse("2026-03-10T09:00:00Z");
export const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export function memberView(over: Partial<QueueMemberView> = {}): QueueMemberView {
  return {
    id: "m-ana",
    queueId: "q-support",
    extensionId: "e-ana",
    extensionNumber: "102",
    agentName: "Ana Agent",
    userId: "u-ana",
    interface: "PJSIP/102",
    penalty: 0,
    loggedIn: true,
    paused: false,
    pauseReason: null,
    activity: "idle",
    wrapUpUntil: null,
    state: "available",
    stateSince: iso(0),
    callsTaken: 0,
    lastCallAt: null,
    updatedAt: iso(0),
    ...over
  };
}

export function queueView(over: Partial<QueueView> = {}): QueueView {
  return {
    id: "q-support",
    name: "support",
    number: "601",
    strategy: "ringall",
    serviceLevelSeconds: 20,
    serviceLevelTarget: 80,
    wrapUpSeconds: 15,
    version: 1,
    resyncedAt: iso(-3600),
    members: [memberView()],
    updatedAt: iso(0),
    ...over
  };
}

export function callerView(over: Partial<QueueCallerView> = {}): QueueCallerView {
  return {
    id: "c-1",
    queueId: "q-support",
    pbxCallId: "call-1",
    callerNumber: "+15550001",
    callerName: "Jo Caller",
    position: 1,
    joinedAt: iso(10),
    leftAt: null,
    outcome: null,
    waitSeconds: null,
    withinServiceLevel: null,
    answeredByExtensionId: null,
    ...over
  };
}

let seq = 10;

/** An event of `type` carrying `data`, with the next seq. */
export function queueEvent<T extends DomainEvent["type"]>(type: T, data: Extract<DomainEvent, { type: T }>["data"], at = iso(0)): DomainEvent {
  seq += 1;
  return { id: `e${seq}`, orgId: "o1", seq, type, at, actor: null, subject: { kind: "queue", id: "q-support" }, data } as DomainEvent;
}
