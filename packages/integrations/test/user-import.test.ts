import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLink, redeemLink, type ActingViewer } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { getExportFile, getJob, previewImport, startImport, type InvitationMail } from "../src/index";
import { startIntegrationHarness, type IntegrationHarness } from "../src/testing";

let t: TestDatabase;
let harness: IntegrationHarness;
let admin: ActingViewer;
let otherAdmin: ActingViewer;
let supervisor: ActingViewer;
let orgId: string;
let officeId: string;
const mailed: InvitationMail[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await createOrganization(t.database.client);
  orgId = org.id;
  const a = await createUser(t.database.client, org.id, { role: "admin", name: "Ada Admin" });
  const b = await createUser(t.database.client, org.id, { role: "admin", name: "Bea Admin" });
  const s = await createUser(t.database.client, org.id, { role: "supervisor", name: "Sam Supervisor" });
  await createUser(t.database.client, org.id, { role: "agent", email: "taken@example.com" });
  officeId = (await t.database.client.office.create({ data: { organizationId: org.id, name: "Support" } })).id;
  admin = { id: a.id, orgId, role: "admin", name: a.name };
  otherAdmin = { id: b.id, orgId, role: "admin", name: b.name };
  supervisor = { id: s.id, orgId, role: "supervisor", name: s.name };
  harness = await startIntegrationHarness(t.database, t.box);
  harness.deps.sendInvitation = (mail) => {
    mailed.push(mail);
    return Promise.resolve(true);
  };
});

afterAll(async () => {
  await harness?.stop();
  await t?.drop();
});

const tag = () => randomUUID().slice(0, 8);
const csvOf = (lines: string[]) => `email,name,role,offices\n${lines.join("\n")}\n`;
const finished = (id: string) => async () => (await getJob(harness.deps, admin, id)).state;
const usersLike = (suffix: string) =>
  t.database.client.user.findMany({ where: { email: { endsWith: `${suffix}@example.com` } }, include: { officeMemberships: true } });
const userEvents = (since: bigint) =>
  t.database.raw.outboxEvent.findMany({ where: { organizationId: orgId, seq: { gt: since }, subjectKind: "user" }, orderBy: { seq: "asc" } });
const lastSeq = async () =>
  (await t.database.raw.outboxEvent.findFirst({ where: { organizationId: orgId }, orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n;

/** A user row inserted (without events) in a transaction that stays open until `commit()`. */
function holdUncommittedUser(email: string) {
  const gates = { inserted: () => {}, commit: () => {} };
  const inserted = new Promise<void>((resolve) => (gates.inserted = resolve));
  const release = new Promise<void>((resolve) => (gates.commit = resolve));
  const done = t.database.raw.$transaction(
    async (tx) => {
      await tx.user.create({ data: { organizationId: orgId, name: "Meanwhile", email, role: "customer" } });
      gates.inserted();
      await release;
    },
    { timeout: 60_000 }
  );
  return { inserted, done, commit: () => gates.commit() };
}

describe("users import", () => {
  it("the preview names every bad row and writes nothing", async () => {
    const s = tag();
    const csv = csvOf([
      `ok-${s}@example.com,Olivia Ok,agent,Support`,
      `not-an-email,Bad Email,agent,`,
      `dup-${s}@example.com,First,agent,`,
      `DUP-${s}@example.com,Second,customer,`,
      `taken@example.com,Already There,agent,`,
      `role-${s}@example.com,Odd Role,manager,`,
      `office-${s}@example.com,Lost Office,supervisor,Support;Nowhere`,
      `cust-${s}@example.com,Customer With Office,customer,Support`
    ]);
    const preview = await previewImport(harness.deps, admin, { kind: "users", csv });
    expect(preview.total).toBe(8);
    expect(preview.validCount).toBe(2);
    expect(Object.fromEntries(preview.errors.map((e) => [e.row, e.message]))).toEqual({
      3: "email must be a valid address",
      5: `email dup-${s}@example.com is also on row 4`,
      6: "email taken@example.com is already in use",
      7: "role must be one of: admin, supervisor, agent, customer",
      8: 'unknown office "Nowhere"',
      9: "customers do not belong to offices"
    });
    expect(preview.sample[0]).toEqual({ row: 2, email: `ok-${s}@example.com`, name: "Olivia Ok", role: "agent", offices: ["Support"] });
    await expect(startImport(harness.deps, admin, { kind: "users", csv, mode: "all_or_nothing" })).rejects.toMatchObject({
      code: "bad_request",
      fields: { "row 3": expect.any(String), "row 9": expect.any(String) }
    });
    expect(await usersLike(s)).toHaveLength(0);
  });

  it("a supervisor cannot import admins or supervisors; agents cannot import at all", async () => {
    const s = tag();
    const csv = csvOf([
      `a-${s}@example.com,Would Be Admin,admin,`,
      `b-${s}@example.com,Would Be Supervisor,supervisor,`,
      `c-${s}@example.com,Fine Agent,agent,`
    ]);
    const preview = await previewImport(harness.deps, supervisor, { kind: "users", csv });
    expect(preview.errors).toEqual([
      { row: 2, message: "your role may only give the roles: agent, customer" },
      { row: 3, message: "your role may only give the roles: agent, customer" }
    ]);
    await expect(startImport(harness.deps, supervisor, { kind: "users", csv, mode: "all_or_nothing" })).rejects.toMatchObject({ code: "bad_request" });
    const agent = await createUser(t.database.client, orgId, { role: "agent" });
    await expect(previewImport(harness.deps, { id: agent.id, orgId, role: "agent", name: agent.name }, { kind: "users", csv })).rejects.toMatchObject({
      code: "forbidden"
    });
    expect(await usersLike(s)).toHaveLength(0);
  });

  it("all-or-nothing: a row that fails while writing (email taken meanwhile) leaves nobody behind", async () => {
    const s = tag();
    const csv = csvOf(Array.from({ length: 120 }, (_, i) => `p${i}-${s}@example.com,Person ${i},agent,Support`));
    const before = await lastSeq();
    // Someone takes row 102's address after the check, before the import writes it: their
    // transaction is open while the import starts and commits only after.
    const taken = holdUncommittedUser(`p100-${s}@example.com`);
    await taken.inserted;
    const job = await startImport(harness.deps, admin, { kind: "users", csv, mode: "all_or_nothing" });
    taken.commit();
    await taken.done;
    await expect.poll(finished(job.id), { timeout: 60_000, interval: 100 }).toBe("failed");
    const view = await getJob(harness.deps, admin, job.id);
    expect(view.error).toBe("row 102: this email address is already in use");
    expect(view.result?.summary).toBe("Nothing imported: row 102 failed");
    expect((await usersLike(s)).map((u) => u.email)).toEqual([`p100-${s}@example.com`]);
    expect((await userEvents(before)).filter((e) => e.type === "user.created")).toHaveLength(0);
    expect(await t.database.client.userToken.count({ where: { user: { email: { endsWith: `${s}@example.com` } } } })).toBe(0);
  });

  it("a good import invites staff, adds customers without sign-in, announces each, and offers the links to its starter only", async () => {
    const s = tag();
    mailed.length = 0;
    const csv = csvOf([
      `ann-${s}@example.com,Ann Agent,agent,Support`,
      `sue-${s}@example.com,Sue Super,Supervisor,`,
      `cat-${s}@example.com,Cat Customer,customer,`
    ]);
    const before = await lastSeq();
    const job = await startImport(harness.deps, admin, { kind: "users", csv, mode: "all_or_nothing" }, { linkBase: "https://sb.example" });
    await expect.poll(finished(job.id), { timeout: 60_000, interval: 100 }).toBe("completed");
    const view = await getJob(harness.deps, admin, job.id);
    expect(view.done).toBe(3);
    expect(view.result?.summary).toBe("3 users created, 2 invited (2 mailed)");
    expect(view.result?.created).toEqual([
      { row: 2, email: `ann-${s}@example.com` },
      { row: 3, email: `sue-${s}@example.com` },
      { row: 4, email: `cat-${s}@example.com` }
    ]);

    const users = await usersLike(s);
    const byEmail = Object.fromEntries(users.map((u) => [u.email, u]));
    expect(byEmail[`ann-${s}@example.com`]).toMatchObject({ role: "agent", status: "invited", passwordHash: null });
    expect(byEmail[`ann-${s}@example.com`]?.officeMemberships.map((m) => m.officeId)).toEqual([officeId]);
    expect(byEmail[`sue-${s}@example.com`]).toMatchObject({ role: "supervisor", status: "invited" });
    expect(byEmail[`cat-${s}@example.com`]).toMatchObject({ role: "customer", status: "active", passwordHash: null });

    const events = await userEvents(before);
    expect(events.filter((e) => e.type === "user.created").map((e) => (e.data as { email: string }).email)).toEqual([
      `ann-${s}@example.com`,
      `sue-${s}@example.com`,
      `cat-${s}@example.com`
    ]);
    expect(events.every((e) => e.actorId === admin.id)).toBe(true);
    // The job's own events (seen by every admin) carry no link.
    expect(JSON.stringify(view)).not.toMatch(/invite\//);

    const file = await getExportFile(harness.deps, admin, job.id);
    const lines = Buffer.from(file.content).toString("utf8").trim().split("\n");
    expect(lines[0]).toBe("email,name,role,link,expires_at");
    expect(lines).toHaveLength(3);
    const link = lines.find((l) => l.startsWith(`ann-${s}`))?.split(",")[3] ?? "";
    expect(link).toMatch(/^https:\/\/sb\.example\/invite\/[\w-]{20,}$/);
    expect(mailed.map((m) => m.email).sort()).toEqual([`ann-${s}@example.com`, `sue-${s}@example.com`]);
    expect(mailed[0]?.sender).toBe("Ada Admin");
    await expect(getExportFile(harness.deps, otherAdmin, job.id)).rejects.toMatchObject({ code: "not_found" });

    // The link works like the invite form's: the invitee sets a password and becomes active.
    const token = link.split("/invite/")[1] ?? "";
    expect((await describeLink(t.database.client, token)).state).toBe("valid");
    await redeemLink(t.database.client, { token, password: "a-long-enough-passphrase-9" });
    expect((await t.database.client.user.findUnique({ where: { email: `ann-${s}@example.com` } }))?.status).toBe("active");
  });
});
