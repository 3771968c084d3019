import { describe, expect, it } from "vitest";
import type { WallboardSnapshot } from "@switchboard/contracts";
import { applyWallboardEvents } from "./apply-queue-events";
import { callerView as caller, iso, memberView as member, queueEvent as event, queueView as queue, T0 } from "./testing/queue-views";
import { agentRows, agentStateLabel, chartSeries, queueFigures } from "./wallboard-figures";

const snapshot = (over: Partial<WallboardSnapshot> = {}): WallboardSnapshot => ({
  seq: 10,
  dayStart: "2026-03-10T00:00:00.000Z",
  dayEnd: "2026-03-11T00:00:00.000Z",
  timeZone: "UTC",
  queues: [queue()],
  waiting: [],
  today: [],
  quarters: [],
  pauseReasons: [{ id: "r1", label: "Lunch" }],
  ...over
});

describe("applyWallboardEvents", () => {
  it("counts callers incrementally: offered when they join, answered or abandoned (with the service level) when they leave", () => {
    const events = [
      event("queue.caller_joined", caller()),
      event("queue.caller_joined", caller({ id: "c-2", position: 2, joinedAt: iso(12), callerName: "Max" })),
      event("queue.caller_left", caller({ leftAt: iso(25), outcome: "answered", waitSeconds: 15, withinServiceLevel: true })),
      event(
        "queue.caller_abandoned",
        caller({ id: "c-2", position: 2, joinedAt: iso(12), leftAt: iso(60), outcome: "abandoned", waitSeconds: 48, withinServiceLevel: false })
      )
    ];
    const mid = applyWallboardEvents(snapshot(), events.slice(0, 3));
    // The second caller moved up to first.
    expect(mid.waiting.map((c) => [c.id, c.position])).toEqual([["c-2", 1]]);
    const state = applyWallboardEvents(snapshot(), events);
    expect(state.waiting).toEqual([]);
    expect(state.today.get("q-support")).toEqual({
      offered: 2,
      answered: 1,
      abandoned: 1,
      answeredWithinSl: 1,
      answeredWaitSeconds: 15,
      abandonedWaitSeconds: 48
    });
    expect([...(state.quarters.get("2026-03-10T09:00:00.000Z")?.values() ?? [])]).toHaveLength(1);
    expect(state.resyncedSinceSnapshot).toBe(false);
  });

  it("starts from the snapshot's figures and ignores what happened on another day", () => {
    const base = snapshot({
      today: [
        {
          queueId: "q-support",
          startsAt: "2026-03-10T00:00:00.000Z",
          offered: 5,
          answered: 4,
          abandoned: 0,
          answeredWithinSl: 4,
          answeredWaitSeconds: 40,
          abandonedWaitSeconds: 0,
          talkSeconds: 0,
          completed: 0
        }
      ],
      waiting: [caller({ id: "c-old", joinedAt: "2026-03-09T23:59:00.000Z" })]
    });
    const state = applyWallboardEvents(base, [
      event("queue.caller_abandoned", caller({ id: "c-old", joinedAt: "2026-03-09T23:59:00.000Z", leftAt: iso(5), outcome: "abandoned", waitSeconds: 32460 }))
    ]);
    expect(state.today.get("q-support")).toMatchObject({ offered: 5, abandoned: 1 });
    const yesterday = applyWallboardEvents(snapshot(), [event("queue.caller_joined", caller({ joinedAt: "2026-03-09T23:00:00.000Z" }))]);
    expect(yesterday.today.size).toBe(0);
    expect(yesterday.waiting).toHaveLength(1);
  });

  it("replaces members by agent.state_changed and queues by queue.changed; a newer PBX resync asks for one re-read", () => {
    const paused = member({ paused: true, pauseReason: "Lunch", state: "paused", stateSince: iso(30) });
    const state = applyWallboardEvents(snapshot(), [event("agent.state_changed", paused)]);
    expect(state.queues[0]?.members[0]).toEqual(paused);
    const renamed = applyWallboardEvents(snapshot(), [event("queue.changed", queue({ serviceLevelSeconds: 30 }))]);
    expect(renamed.queues[0]?.serviceLevelSeconds).toBe(30);
    expect(renamed.resyncedSinceSnapshot).toBe(false);
    expect(applyWallboardEvents(snapshot(), [event("queue.changed", queue({ resyncedAt: iso(1) }))]).resyncedSinceSnapshot).toBe(true);
    const gone = applyWallboardEvents(snapshot({ waiting: [caller()] }), [event("queue.deleted", { id: "q-support", label: "support" })]);
    expect(gone.queues).toEqual([]);
    expect(gone.waiting).toEqual([]);
  });
});

describe("wallboard figures", () => {
  it("ticks the longest wait and raises the alarms past the service level and below target", () => {
    const state = applyWallboardEvents(snapshot({ waiting: [caller()] }), [
      event("queue.caller_joined", caller({ id: "c-2", position: 2, joinedAt: iso(15) })),
      event("queue.caller_abandoned", caller({ id: "c-3", position: 3, joinedAt: iso(1), leftAt: iso(5), outcome: "abandoned", waitSeconds: 4 }))
    ]);
    const [early] = queueFigures(state, T0 + 20_000);
    expect(early).toMatchObject({ longestWaitSince: iso(10), longestWaitSeconds: 10, waitAlarm: false, serviceLevel: 0, serviceLevelAlarm: true });
    const [late] = queueFigures(state, T0 + 31_000);
    expect(late).toMatchObject({ longestWaitSeconds: 21, waitAlarm: true });
  });

  it("counts agents by state at now: a wrap-up that ran out is available", () => {
    const members = [
      member(),
      member({ id: "m-bo", extensionId: "e-bo", agentName: "Bo", state: "wrap_up", wrapUpUntil: iso(20) }),
      member({ id: "m-cy", extensionId: "e-cy", agentName: "Cy", state: "paused", paused: true, pauseReason: "Lunch" }),
      member({ id: "m-di", extensionId: "e-di", agentName: "Di", state: "on_call", activity: "on_call" }),
      member({ id: "m-ed", extensionId: "e-ed", agentName: "Ed", loggedIn: false, state: "logged_out" })
    ];
    const state = applyWallboardEvents(snapshot({ queues: [queue({ members })] }), []);
    expect(queueFigures(state, T0 + 10_000)[0]?.agents).toEqual({ available: 1, busy: 1, wrapUp: 1, paused: 1, signedIn: 4 });
    expect(queueFigures(state, T0 + 30_000)[0]?.agents).toEqual({ available: 2, busy: 1, wrapUp: 0, paused: 1, signedIn: 4 });
  });

  it("shows each agent once across queues, with what matters most, and 'Paused — Lunch'", () => {
    const support = queue({ members: [member({ paused: true, pauseReason: "Lunch", state: "paused", stateSince: iso(5) })] });
    const sales = queue({
      id: "q-sales",
      name: "sales",
      members: [member({ id: "m-ana-2", queueId: "q-sales", paused: true, pauseReason: "Lunch", state: "paused", stateSince: iso(3) })]
    });
    const [ana] = agentRows([support, sales], T0 + 60_000);
    expect(ana).toMatchObject({
      name: "Ana Agent",
      state: "paused",
      since: iso(3),
      pauseReason: "Lunch",
      queues: ["support", "sales"],
      paused: true,
      signedIn: true
    });
    expect(agentStateLabel("paused", "Lunch")).toBe("Paused — Lunch");
    const busy = queue({ id: "q-sales", name: "sales", members: [member({ id: "m-ana-2", queueId: "q-sales", state: "on_call", activity: "on_call" })] });
    expect(agentRows([support, busy], T0)[0]?.state).toBe("on_call");
  });

  it("draws today's quarters from the first with traffic to now, with the service level of each", () => {
    const state = applyWallboardEvents(snapshot(), [
      event("queue.caller_joined", caller()),
      event("queue.caller_left", caller({ leftAt: iso(25), outcome: "answered", waitSeconds: 15, withinServiceLevel: true }))
    ]);
    const points = chartSeries(state, "2026-03-10T00:00:00.000Z", T0 + 40 * 60_000);
    expect(points.map((p) => [p.at.slice(11, 16), p.offered, p.answered, p.serviceLevel])).toEqual([
      ["09:00", 1, 1, 100],
      ["09:15", 0, 0, null],
      ["09:30", 0, 0, null]
    ]);
  });
});
