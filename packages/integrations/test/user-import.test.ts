import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLink, redeemLink, type ActingViewer } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { cancelJob, getExportFile, getJob, previewImport, startImport, type InvitationMail } from "../src/index";
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

/**
 * A user row inserted (without events) in a transaction that stays open until `commit()` or
 * `rollBack()`: an import writing the same address waits for it at that row.
 */
function holdUncommittedUser(email: string) {
  const gates = { inserted: () => {}, end: (_commit: boolean) => {} };
  const inserted = new Promise<void>((resolve) => (gates.inserted = resolve));
  const ended = new Promise<boolean>((resolve) => (gates.end = resolve));
  const done = t.database.raw
    .$transaction(
      async (tx) => {
        await tx.user.create({ data: { organizationId: orgId, name: "Meanwhile", email, role: "customer" } });
        gates.inserted();
        if (!(await ended)) throw new RolledBack();
      },
      { timeout: 120_000 }
    )
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return { inserted, done, commit: () => gates.end(true), rollBack: () => gates.end(false) };
}

class RolledBack extends Error {}

const jobEvents = (jobId: string) =>
  t.database.raw.outboxEvent.findMany({ where: { subjectKind: "job", subjectId: jobId }, orderBy: { seq: "asc" }, select: { type: true, data: true } });

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
    // The batches before row 102 committed and were deleted again: consoles saw each one go.
    const events = await userEvents(before);
    const created = events
      .filter((e) => e.type === "user.created")
      .map((e) => e.subjectId)
      .sort();
    expect(created).toHaveLength(100);
    expect(
      events
        .filter((e) => e.type === "user.deleted")
        .map((e) => e.subjectId)
        .sort()
    ).toEqual(created);
    expect(mailed.filter((m) => m.email.endsWith(`${s}@example.com`))).toEqual([]);
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

  it("a large import commits in batches: its progress moves (job.progress more than once before the end)", async () => {
    const s = tag();
    const csv = csvOf(Array.from({ length: 1000 }, (_, i) => `big${i}-${s}@example.com,Person ${i},customer,`));
    const job = await startImport(harness.deps, admin, { kind: "users", csv, mode: "all_or_nothing" });
    await expect.poll(finished(job.id), { timeout: 120_000, interval: 250 }).toBe("completed");
    const events = await jobEvents(job.id);
    const progress = events.filter((e) => e.type === "job.progress").map((e) => (e.data as { done: number }).done);
    const midway = progress.filter((done) => done > 0 && done < 1000);
    expect(midway.length).toBeGreaterThan(1);
    expect(midway).toEqual([...midway].sort((a, b) => a - b));
    expect(events.at(-1)?.type).toBe("job.completed");
    expect(await usersLike(s)).toHaveLength(1000);
  }, 150_000);

  it("cancel midway: the people already written are deleted again, nobody is invited or mailed", async () => {
    const s = tag();
    mailed.length = 0;
    const csv = csvOf(Array.from({ length: 1000 }, (_, i) => `c${i}-${s}@example.com,Person ${i},${i % 2 ? "agent" : "customer"},`));
    const before = await lastSeq();
    // The import waits at row 902 (this address) until the cancel has been asked for.
    const blocker = holdUncommittedUser(`c900-${s}@example.com`);
    await blocker.inserted;
    const job = await startImport(harness.deps, admin, { kind: "users", csv, mode: "all_or_nothing" }, { linkBase: "https://sb.example" });
    await expect.poll(async () => (await getJob(harness.deps, admin, job.id)).done, { timeout: 120_000, interval: 100 }).toBe(900);
    expect(await usersLike(s)).toHaveLength(900);
    // The batch in flight holds the job row, so the cancel lands once it commits.
    const cancelling = cancelJob(harness.deps, admin, job.id);
    blocker.rollBack();
    await blocker.done;
    await cancelling;
    await expect.poll(finished(job.id), { timeout: 120_000, interval: 250 }).toBe("cancelled");
    const view = await getJob(harness.deps, admin, job.id);
    expect(view.result?.summary).toBe("Cancelled; nothing imported");
    expect(await usersLike(s)).toHaveLength(0);
    expect(await t.database.client.userToken.count({ where: { user: { email: { endsWith: `${s}@example.com` } } } })).toBe(0);
    const events = await userEvents(before);
    const created = events
      .filter((e) => e.type === "user.created")
      .map((e) => e.subjectId)
      .sort();
    expect(created.length).toBeGreaterThanOrEqual(900);
    expect(
      events
        .filter((e) => e.type === "user.deleted")
        .map((e) => e.subjectId)
        .sort()
    ).toEqual(created);
    expect(mailed).toEqual([]);
    await expect(getExportFile(harness.deps, admin, job.id)).rejects.toMatchObject({ code: "not_found" });
  }, 150_000);
});
