import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { rejectionOf } from "../testing/ticket-test-world";
import { createTicketOrg } from "../testing/ticket-world";
import { listActivity } from "./activity";
import { countCallFigures } from "./calls-read-figures";
import { createOrganizationWithAdmin, needsSetup, setUpFirstOrganization, updateOrganization } from "./organizations";
import { redeemLink } from "./sign-in-links";
import { signIn } from "./sign-in";
import { createOffice } from "./offices";
import { activityQuerySchema } from "@switchboard/contracts";
import { parseInput } from "./parse-input";

let t: TestDatabase;
let db: DbClient;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.client;
});
afterAll(() => t.drop());

const setup = (email: string) => ({
  organizationName: "Acme Phones",
  timeZone: "Europe/Berlin",
  name: "Ada First",
  email,
  password: "a sturdy first passphrase"
});

describe("first run and organizations", () => {
  it("creates the first organization and admin once, even when two submissions race", async () => {
    expect(await needsSetup(db)).toBe(true);
    const weak = await rejectionOf(setUpFirstOrganization(db, { ...setup("first@example.test"), password: "acme" }));
    expect(weak.fields).toEqual({ password: "password must be at least 10 characters" });
    expect(await needsSetup(db)).toBe(true);
    const results = await Promise.allSettled([
      setUpFirstOrganization(db, setup("first@example.test")),
      setUpFirstOrganization(db, setup("second@example.test"))
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.organization.count()).toBe(1);
    const refused = await rejectionOf(setUpFirstOrganization(db, setup("third@example.test")));
    expect([refused.code, refused.message]).toEqual(["conflict", "Switchboard is already set up: sign in instead"]);
    const org = await db.organization.findFirstOrThrow();
    expect(org).toMatchObject({ name: "Acme Phones", timeZone: "Europe/Berlin" });
    const admin = await db.user.findFirstOrThrow({ where: { organizationId: org.id } });
    expect((await signIn(db, admin.email, "a sturdy first passphrase", "192.0.2.10")).ok).toBe(true);
  });

  it("creates further organizations with an invited admin (the operator command)", async () => {
    const { orgId, link } = await createOrganizationWithAdmin(db, {
      name: "Beta Co",
      timeZone: "America/New_York",
      adminEmail: "boss@beta.test",
      adminName: "Bea Boss"
    });
    expect(link).toMatchObject({ purpose: "invitation", email: "boss@beta.test" });
    await redeemLink(db, { token: link.token, password: "beta passphrase 42" });
    expect(await signIn(db, "boss@beta.test", "beta passphrase 42", "192.0.2.11")).toMatchObject({ ok: true, user: { orgId, role: "admin" } });
    const dup = await rejectionOf(createOrganizationWithAdmin(db, { name: "Gamma", timeZone: "UTC", adminEmail: "boss@beta.test", adminName: "X" }));
    expect(dup.fields).toEqual({ email: "this email address is already in use" });
    expect(await db.organization.count({ where: { name: "Gamma" } })).toBe(0);
  });
});

describe("the organization's time zone", () => {
  it("decides where 'today' starts for the dashboard's call figures", async () => {
    const org = await createTicketOrg(db, "TZ");
    const viewer = org.admin;
    // 23:30 UTC yesterday is already "today" in Tokyo (UTC+9) but not in UTC.
    const now = new Date();
    const lateYesterdayUtc = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 30 * 60_000);
    await db.call.create({
      data: { organizationId: org.orgId, pbxCallId: "late", direction: "inbound", state: "ended", fromNumber: "1", toNumber: "2", startedAt: lateYesterdayUtc }
    });
    const utc = await countCallFigures({ db }, viewer);
    await updateOrganization({ db }, viewer, { timeZone: "Asia/Tokyo" });
    const tokyo = await countCallFigures({ db }, viewer);
    const tokyoDayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 9 * 3600_000);
    const expectedTokyo = lateYesterdayUtc >= tokyoDayStart && now.getTime() - tokyoDayStart.getTime() < 24 * 3600_000 ? 1 : 0;
    expect([utc.callsToday, tokyo.callsToday]).toEqual([0, expectedTokyo]);
    expect((await rejectionOf(updateOrganization({ db }, org.supervisor, { timeZone: "UTC" }))).code).toBe("forbidden");
  });
});

describe("the activity log", () => {
  it("lists who did what, filtered by person, kind and the organization's days; admins only", async () => {
    const org = await createTicketOrg(db, "ACT");
    await updateOrganization({ db }, org.admin, { timeZone: "Pacific/Auckland" });
    await createOffice({ db }, org.admin, { name: "Billing" });
    await db.user.update({ where: { id: org.ana.id }, data: { passwordHash: null } });
    const q = (input: Record<string, unknown> = {}) => parseInput(activityQuerySchema, input);
    const all = await listActivity({ db }, org.admin, q());
    expect(all.data.map((e) => e.type)).toEqual(["office.created"]);
    expect(all.data[0]?.actor).toEqual({ id: org.admin.id, name: org.admin.name });
    expect((await listActivity({ db }, org.admin, q({ kind: "user" }))).total).toBe(0);
    expect((await listActivity({ db }, org.admin, q({ actor: org.ana.id }))).total).toBe(0);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date());
    expect((await listActivity({ db }, org.admin, q({ from: today, to: today }))).total).toBe(1);
    expect((await listActivity({ db }, org.admin, q({ to: "2000-01-01" }))).total).toBe(0);
    expect((await rejectionOf(listActivity({ db }, org.supervisor, q()))).message).toBe("only admins may see the activity log");
    const bad = await rejectionOf(() => Promise.resolve(q({ kind: "everything", from: "yesterday", to: "2020-01-01", actor: "me" })));
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["actor", "from", "kind"]);
  });
});
