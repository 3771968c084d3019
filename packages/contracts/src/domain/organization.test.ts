import { describe, expect, it } from "vitest";
import { activityKindOf, inOrder } from "./activity";
import { boundIn, dayBoundsIn, dayIn, startOfOrgDay } from "./org-day";
import { isTimeZone, timeZoneSchema } from "./organization";
import { passwordProblem } from "./user";

describe("organization days", () => {
  it("knows IANA zones and refuses others", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(timeZoneSchema.safeParse("Nowhere").error?.issues[0]?.message).toBe("time zone must be an IANA name such as Europe/Berlin or UTC");
  });

  it("finds where a calendar day starts and ends in a zone, across clock changes", () => {
    expect(dayBoundsIn("UTC", "2026-03-05")).toEqual({ start: new Date("2026-03-05T00:00:00.000Z"), end: new Date("2026-03-05T23:59:59.999Z") });
    expect(dayBoundsIn("Europe/Berlin", "2026-01-15").start).toEqual(new Date("2026-01-14T23:00:00.000Z"));
    expect(dayBoundsIn("Europe/Berlin", "2026-07-15").start).toEqual(new Date("2026-07-14T22:00:00.000Z"));
    // The spring-forward day in Berlin has 23 hours; New York's fall-back day 25.
    const spring = dayBoundsIn("Europe/Berlin", "2026-03-29");
    expect(spring.end.getTime() + 1 - spring.start.getTime()).toBe(23 * 3600_000);
    const fall = dayBoundsIn("America/New_York", "2026-11-01");
    expect(fall.end.getTime() + 1 - fall.start.getTime()).toBe(25 * 3600_000);
    expect(dayBoundsIn("Asia/Kolkata", "2026-06-01").start).toEqual(new Date("2026-05-31T18:30:00.000Z"));
  });

  it("says which day an instant is in a zone and when that day began", () => {
    const at = new Date("2026-03-05T23:30:00.000Z");
    expect(dayIn("UTC", at)).toBe("2026-03-05");
    expect(dayIn("Asia/Tokyo", at)).toBe("2026-03-06");
    expect(startOfOrgDay(at, "Asia/Tokyo")).toEqual(new Date("2026-03-05T15:00:00.000Z"));
    expect(startOfOrgDay(at, "America/Los_Angeles")).toEqual(new Date("2026-03-05T08:00:00.000Z"));
  });

  it("reads filter bounds as days in the zone or as instants", () => {
    expect(boundIn("2026-03-05", "end", "Asia/Tokyo")).toEqual(new Date("2026-03-05T14:59:59.999Z"));
    expect(boundIn("2026-03-05T10:00:00Z", "start", "Asia/Tokyo")).toEqual(new Date("2026-03-05T10:00:00.000Z"));
    expect(inOrder("2026-03-05", "2026-03-05")).toBe(true);
    expect(inOrder("2026-03-06", "2026-03-05")).toBe(false);
  });
});

describe("password strength", () => {
  it.each([
    ["short", {}, "password must be at least 10 characters"],
    ["password123", {}, "password is too common; choose one that others would not guess"],
    ["aaaaaaaaaaaa", {}, "password must use at least 4 different characters"],
    ["ana.agent-2026!", { email: "ana.agent@example.test" }, "password must not contain your email address"],
    ["bo cooper rocks", { name: "Bo Cooper" }, "password must not contain your name"],
    ["x".repeat(201), {}, "password must be at most 200 characters"]
  ])("refuses %s naming the rule", (password, owner, rule) => {
    expect(passwordProblem(password, owner)).toBe(rule);
  });
  it("accepts a long, uncommon passphrase", () => {
    expect(passwordProblem("correct horse battery staple", { email: "ana@example.test", name: "Ana" })).toBeNull();
  });
});

describe("activity kinds", () => {
  it("groups event types by what someone did; PBX telemetry and notifications are not activity", () => {
    expect(activityKindOf("user.signed_in")).toBe("sign_in");
    expect(activityKindOf("user.deactivated")).toBe("user");
    expect(activityKindOf("call_control.requested")).toBe("call_control");
    expect(activityKindOf("ticket.status_changed")).toBe("ticket");
    expect(activityKindOf("extension.status_changed")).toBeNull();
    expect(activityKindOf("notification.read")).toBeNull();
    expect(activityKindOf("call.started")).toBeNull();
  });
});

describe("user changes", () => {
  it("leave out what is not sent (no field defaults in a change)", async () => {
    const { userUpdateSchema } = await import("./user");
    expect(userUpdateSchema.parse({ name: "Ana" })).toEqual({ name: "Ana" });
    expect(userUpdateSchema.safeParse({}).success).toBe(false);
  });
});
