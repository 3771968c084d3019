import { describe, expect, it } from "vitest";
import { agentStateAt, agentStateRequestSchema, deriveAgentState, queueCreateSchema, serviceLevelPercent } from "./queue";

const at = new Date("2026-01-01T10:00:00Z");
const idle = { loggedIn: true, paused: false, activity: "idle" as const, wrapUpUntil: null };

describe("agent state", () => {
  it("puts signed-out first, then the phone, then pause, then wrap-up", () => {
    expect(deriveAgentState({ ...idle, loggedIn: false, activity: "on_call" }, at)).toBe("logged_out");
    expect(deriveAgentState({ ...idle, paused: true, activity: "on_call" }, at)).toBe("on_call");
    expect(deriveAgentState({ ...idle, paused: true, activity: "ringing" }, at)).toBe("ringing");
    expect(deriveAgentState({ ...idle, paused: true, wrapUpUntil: new Date(at.getTime() + 5000) }, at)).toBe("paused");
    expect(deriveAgentState({ ...idle, wrapUpUntil: new Date(at.getTime() + 5000) }, at)).toBe("wrap_up");
    expect(deriveAgentState({ ...idle, wrapUpUntil: new Date(at.getTime() - 1) }, at)).toBe("available");
    expect(deriveAgentState({ ...idle, activity: "unavailable" }, at)).toBe("unavailable");
    expect(deriveAgentState(idle, at)).toBe("available");
  });

  it("ends a wrap-up on its own when its time is up, never leaving it stuck", () => {
    const member = { state: "wrap_up" as const, stateSince: "2026-01-01T10:00:00.000Z", wrapUpUntil: "2026-01-01T10:00:30.000Z", activity: "idle" as const };
    expect(agentStateAt(member, Date.parse("2026-01-01T10:00:29Z"))).toEqual({ state: "wrap_up", since: member.stateSince });
    expect(agentStateAt(member, Date.parse("2026-01-01T10:00:30Z"))).toEqual({ state: "available", since: member.wrapUpUntil });
    expect(agentStateAt({ ...member, activity: "unavailable" }, Date.parse("2026-01-01T11:00:00Z")).state).toBe("unavailable");
  });
});

describe("queue figures", () => {
  it("counts the service level over callers who were answered or gave up", () => {
    expect(serviceLevelPercent({ answered: 0, abandoned: 0, answeredWithinSl: 0 })).toBeNull();
    expect(serviceLevelPercent({ answered: 3, abandoned: 1, answeredWithinSl: 2 })).toBe(50);
    expect(serviceLevelPercent({ answered: 2, abandoned: 1, answeredWithinSl: 2 })).toBe(66.7);
  });
});

describe("queue input", () => {
  it("requires a reason to pause and refuses one elsewhere", () => {
    expect(agentStateRequestSchema.safeParse({ action: "pause" }).error?.issues[0]).toMatchObject({ path: ["reason"], message: "reason is required to pause" });
    expect(agentStateRequestSchema.safeParse({ action: "unpause", reason: "Lunch" }).error?.issues[0]?.message).toBe("reason is only for pause");
    expect(agentStateRequestSchema.parse({ action: "pause", reason: " Lunch " })).toEqual({ action: "pause", reason: "Lunch" });
    expect(agentStateRequestSchema.safeParse({ action: "pause", reason: "Lunch", extra: 1 }).success).toBe(false);
  });

  it("defaults a new queue and refuses a member twice", () => {
    expect(queueCreateSchema.parse({ name: "support" })).toMatchObject({
      strategy: "ringall",
      serviceLevelSeconds: 20,
      serviceLevelTarget: 80,
      wrapUpSeconds: 0,
      members: []
    });
    const id = "5b1f5a7e-8d2b-4c8e-9b7a-0c2d3e4f5a6b";
    expect(queueCreateSchema.safeParse({ name: "support", members: [{ extensionId: id }, { extensionId: id, penalty: 2 }] }).error?.issues[0]?.message).toBe(
      "an extension may be a member only once"
    );
    expect(queueCreateSchema.safeParse({ name: "sup port" }).success).toBe(false);
  });
});
