import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@switchboard/auth";
import type { DbClient } from "../client/create-client";
import { createOrganization, createUser } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { rejectionOf } from "../testing/ticket-test-world";
import { changePassword, signOutEverywhere } from "./account";
import { checkSession, LOGIN_LIMITS, pruneLoginThrottles, signIn, SignInThrottled, type ThrottleLimits } from "./sign-in";
import { HashGate } from "./sign-in/throttle";

let t: TestDatabase;
let db: DbClient;
let orgId: string;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 20 });
  db = t.database.client;
  orgId = (await createOrganization(db)).id;
});
afterAll(() => t.drop());

// Delays long enough that no attempt waits its way through during a test.
const slow: ThrottleLimits = { ...LOGIN_LIMITS, firstDelayMs: 10 * 60_000 };

async function account(name: string) {
  return createUser(db, orgId, { role: "agent", name, email: `${name}@example.test`, password: PASSWORD });
}

/** Runs sign-ins and sorts their outcomes: the password was checked (null or a user), or the throttle refused. */
async function attempts(runs: Promise<unknown>[]) {
  const settled = await Promise.allSettled(runs);
  const checked = settled.filter((r) => r.status === "fulfilled").length;
  const throttled = settled.filter((r) => r.status === "rejected" && r.reason instanceof SignInThrottled).length;
  return { checked, throttled, other: settled.length - checked - throttled };
}

describe("sign-in throttle", () => {
  it("lets at most the account's free attempts of 200 parallel wrong passwords reach the password check", async () => {
    await account("target");
    const fromOneAddress = await attempts(
      Array.from({ length: 200 }, () => signIn(db, "target@example.test", "wrong password", "203.0.113.1", { limits: slow }))
    );
    expect(fromOneAddress).toEqual({ checked: LOGIN_LIMITS.perAccount, throttled: 195, other: 0 });
    // From 200 addresses the account's own count holds alone.
    await account("spread");
    const spread = await attempts(
      Array.from({ length: 200 }, (_, i) => signIn(db, "spread@example.test", "wrong password", `198.51.100.${i}`, { limits: slow }))
    );
    expect(spread).toEqual({ checked: LOGIN_LIMITS.perAccount, throttled: 195, other: 0 });
    const row = await db.loginThrottle.findUnique({ where: { key: "email:spread@example.test" } });
    expect(row?.attempts).toBe(LOGIN_LIMITS.perAccount);
  });

  it("counts the address first, so a throttled address spends none of the account's attempts", async () => {
    await account("victim");
    const limits: ThrottleLimits = { ...slow, perAddress: 3 };
    const results = await attempts(Array.from({ length: 10 }, () => signIn(db, "victim@example.test", "nope nope", "192.0.2.99", { limits })));
    expect(results).toEqual({ checked: 3, throttled: 7, other: 0 });
    expect((await db.loginThrottle.findUnique({ where: { key: "email:victim@example.test" } }))?.attempts).toBe(3);
    // The owner, from elsewhere, still gets in: a delay for the guesser's address, no lockout for the account.
    expect(await signIn(db, "victim@example.test", PASSWORD, "192.0.2.1", { limits })).toMatchObject({ ok: true });
  });

  it("makes each attempt past the free ones wait a growing delay, and tells how long", async () => {
    await account("delay");
    const limits: ThrottleLimits = { ...LOGIN_LIMITS, perAccount: 2, firstDelayMs: 60_000 };
    for (let i = 0; i < 2; i++)
      expect(await signIn(db, "delay@example.test", "wrong one!", "192.0.2.2", { limits })).toEqual({ ok: false, reason: "invalid_credentials" });
    const refused = await rejectionOf(signIn(db, "delay@example.test", PASSWORD, "192.0.2.2", { limits }));
    expect(refused.code).toBe("rate_limited");
    expect(refused.message).toMatch(/^Too many sign-in attempts\. Try again in (59|60) seconds\.$/);
    // Once the delay has passed one more attempt goes through, and the next delay doubles.
    await db.loginThrottle.update({ where: { key: "email:delay@example.test" }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    expect(await signIn(db, "delay@example.test", "wrong again", "192.0.2.2", { limits })).toMatchObject({ ok: false });
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: "email:delay@example.test" } });
    expect(Math.round(((row.nextAttemptAt?.getTime() ?? 0) - Date.now()) / 60_000)).toBe(2);
  });

  it("checks the shape of the email and the password before any work", async () => {
    const rows = await db.loginThrottle.count();
    for (const email of ["", "not-an-email", `${"a".repeat(250)}@example.test`, "a@b@c", "x@example.test\u0000"]) {
      expect(await signIn(db, email, PASSWORD, "192.0.2.3")).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    expect(await signIn(db, "someone@example.test", "x".repeat(201), "192.0.2.3")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await db.loginThrottle.count()).toBe(rows);
  });

  it("bounds the hashes computed at once: past the queue a sign-in is refused as busy, not queued", async () => {
    await account("busy");
    const gate = new HashGate(1, 0);
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => signIn(db, "busy@example.test", "wrong pass", "192.0.2.4", { gate })));
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof SignInThrottled && r.reason.busy);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.length + results.filter((r) => r.status === "fulfilled").length).toBe(3);
  });

  it("signs in, records it, gives the address its attempt back and clears the account's", async () => {
    const user = await account("fine");
    await signIn(db, "fine@example.test", "wrong first", "192.0.2.5");
    const ok = await signIn(db, " Fine@Example.test ", PASSWORD, "192.0.2.5");
    expect(ok).toEqual({ ok: true, user: { id: user.id, orgId, role: "agent", name: "fine", email: "fine@example.test", sessionVersion: 1 } });
    expect(await db.loginThrottle.findUnique({ where: { key: "email:fine@example.test" } })).toBeNull();
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:192.0.2.5" } })).attempts).toBe(1);
    const signedIn = await db.outboxEvent.findFirst({ where: { organizationId: orgId, type: "user.signed_in", subjectId: user.id } });
    expect(signedIn).toMatchObject({ actorId: user.id });
  });

  it("replaces a hash of older parameters with today's on sign-in, as a plain sign-in event", async () => {
    const oldHash = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
    const user = await createUser(db, orgId, { role: "agent", name: "legacy", email: "legacy@example.test", passwordHash: oldHash });
    expect((await signIn(db, "legacy@example.test", "wrong password", "192.0.2.77")).ok).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(oldHash);

    expect((await signIn(db, "legacy@example.test", PASSWORD, "192.0.2.77")).ok).toBe(true);
    const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash ?? "";
    expect(stored).not.toBe(oldHash);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    const events = await db.outboxEvent.findMany({ where: { organizationId: orgId, subjectId: user.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["user.created", "user.signed_in"]);

    // Current parameters stay as they are.
    expect((await signIn(db, "legacy@example.test", PASSWORD, "192.0.2.77")).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(stored);
  });

  it("refuses deactivated and invited accounts; deactivation is only said after the right password", async () => {
    const gone = await account("gone");
    await db.user.update({ where: { id: gone.id }, data: { status: "deactivated" } });
    expect(await signIn(db, "gone@example.test", "wrong pass!", "192.0.2.6")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await signIn(db, "gone@example.test", PASSWORD, "192.0.2.6")).toEqual({ ok: false, reason: "deactivated" });
    const invited = await account("invited");
    await db.user.update({ where: { id: invited.id }, data: { status: "invited" } });
    expect(await signIn(db, "invited@example.test", PASSWORD, "192.0.2.6")).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("prunes keys that have been quiet long enough", async () => {
    await db.loginThrottle.create({ data: { key: "ip:old", attempts: 9, lastAttemptAt: new Date(Date.now() - LOGIN_LIMITS.quietMs - 1000) } });
    await db.loginThrottle.create({
      data: { key: "ip:waiting", attempts: 30, lastAttemptAt: new Date(Date.now() - LOGIN_LIMITS.quietMs - 1000), nextAttemptAt: new Date(Date.now() + 60_000) }
    });
    expect(await pruneLoginThrottles(db)).toBeGreaterThanOrEqual(1);
    expect(await db.loginThrottle.findUnique({ where: { key: "ip:old" } })).toBeNull();
    expect(await db.loginThrottle.findUnique({ where: { key: "ip:waiting" } })).not.toBeNull();
  });
});

describe("sessions", () => {
  it("ends with a password change (current password required, strength checked) and with sign out everywhere", async () => {
    const user = await account("sessions");
    const viewer = { id: user.id, orgId, role: user.role, name: user.name };
    expect(await checkSession(db, user.id, 1)).toMatchObject({ ok: true });
    expect((await rejectionOf(changePassword({ db }, viewer, { currentPassword: "wrong!", newPassword: "a much better passphrase" }))).fields).toEqual({
      currentPassword: "current password is not correct"
    });
    expect((await rejectionOf(changePassword({ db }, viewer, { currentPassword: PASSWORD, newPassword: "sessions-and-more" }))).fields).toEqual({
      newPassword: "password must not contain your email address"
    });
    expect(await changePassword({ db }, viewer, { currentPassword: PASSWORD, newPassword: "a much better passphrase" })).toEqual({ sessionVersion: 2 });
    expect(await checkSession(db, user.id, 1)).toEqual({ ok: false, reason: "revoked" });
    await signOutEverywhere(db, viewer);
    expect(await checkSession(db, user.id, 2)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkSession(db, user.id, 3)).toMatchObject({ ok: true, user: { sessionVersion: 3 } });
    expect((await db.outboxEvent.findMany({ where: { subjectId: user.id, type: "user.sessions_revoked" } })).length).toBe(2);
  });
});
