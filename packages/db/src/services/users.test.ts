import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerCreateSchema, invitationCreateSchema, userUpdateSchema } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { createUser } from "../seed/factories";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import { createApiToken, authenticateApiToken } from "./api-tokens";
import { parseInput } from "./parse-input";
import { describeLink, inviteUser, issueSignInLink, listInvitations, redeemLink, revokeInvitation } from "./sign-in-links";
import { checkSession } from "./sign-in";
import { createCustomer, getUser, listUsers, updateUser, userListQuerySchema } from "./users";
import { isStaleVersionError } from "./versioned";

let t: TestDatabase;
let db: DbClient;
let w: TicketOrg;
let other: TicketOrg;
const deps = () => ({ db });

beforeAll(async () => {
  ({ t, db, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t.drop());

const query = (input: Record<string, unknown> = {}) => parseInput(userListQuerySchema, input);
const invite = (input: Record<string, unknown>) => parseInput(invitationCreateSchema, input);
const change = (input: Record<string, unknown>) => parseInput(userUpdateSchema, input);
const tokenOf = (url: string) => url;

async function eventsOf(orgId: string, type: string) {
  return db.outboxEvent.findMany({ where: { organizationId: orgId, type }, orderBy: { seq: "asc" } });
}

describe("the users list", () => {
  it("lists the team to staff with search, role and state filters; customers may not", async () => {
    const all = await listUsers(deps(), w.cy, query({ pageSize: 200 }));
    expect(all.total).toBe(7);
    expect((await listUsers(deps(), w.admin, query({ role: "agent" }))).data.map((u) => u.name)).toEqual(["Ana A", "Bo A", "Cy A"]);
    expect((await listUsers(deps(), w.admin, query({ q: "cara" }))).data.map((u) => u.name)).toEqual(["Cara A"]);
    expect((await listUsers(deps(), w.admin, query({ status: "deactivated" }))).total).toBe(0);
    expect((await listUsers(deps(), w.admin, query({ role: "agent" }))).data.find((u) => u.name === "Ana A")?.officeIds).toEqual([w.supportId]);
    expect((await rejectionOf(listUsers(deps(), w.customer, query()))).code).toBe("forbidden");
    // Everyone sees themselves; nobody sees another organization's people.
    expect((await getUser(deps(), w.customer, w.customer.id)).email).toBe(w.customer.email);
    expect((await rejectionOf(getUser(deps(), w.customer, w.ana.id))).code).toBe("forbidden");
    expect((await rejectionOf(getUser(deps(), w.admin, other.ana.id))).message).toBe("user not found");
  });

  it("refuses bad filters naming them", async () => {
    expect((await rejectionOf(() => Promise.resolve(query({ role: "boss" })))).fields).toHaveProperty("role");
    expect((await rejectionOf(() => Promise.resolve(query({ status: "sleeping", pageSize: 0 })))).fields).toMatchObject({
      status: expect.any(String),
      pageSize: expect.any(String)
    });
  });
});

describe("invitations", () => {
  it("invites with a role and offices; the link is single use and sets the invitee's password", async () => {
    const { user, link } = await inviteUser(
      deps(),
      w.admin,
      invite({ email: "New.Hire@Example.test", name: "Nia New", role: "agent", officeIds: [w.salesId] })
    );
    expect(user).toMatchObject({ email: "new.hire@example.test", status: "invited", role: "agent", hasPassword: false, officeIds: [w.salesId] });
    expect(link.purpose).toBe("invitation");
    expect((await listInvitations(deps(), w.supervisor)).map((i) => i.email)).toContain("new.hire@example.test");
    expect(await describeLink(db, link.token)).toMatchObject({ state: "valid", purpose: "invitation", email: "new.hire@example.test" });

    const weak = await rejectionOf(redeemLink(db, { token: link.token, password: "password123" }));
    expect([weak.code, weak.fields?.password]).toEqual(["bad_request", "password is too common; choose one that others would not guess"]);
    const short = await rejectionOf(redeemLink(db, { token: link.token, password: "short" }));
    expect(short.fields?.password).toBe("password must be at least 10 characters");
    expect((await getUser(deps(), w.admin, user.id)).status).toBe("invited");

    expect(await redeemLink(db, { token: link.token, password: "a long and fine passphrase", name: "Nia Newton" })).toEqual({
      email: user.email,
      purpose: "invitation"
    });
    expect(await getUser(deps(), w.admin, user.id)).toMatchObject({ status: "active", hasPassword: true, name: "Nia Newton" });
    const again = await rejectionOf(redeemLink(db, { token: link.token, password: "another long passphrase" }));
    expect([again.code, again.message]).toEqual(["conflict", "This link was already used. Sign in, or ask for a new link if you forgot your password."]);
    expect((await describeLink(db, link.token)).state).toBe("used");
    expect((await describeLink(db, "x".repeat(43))).state).toBe("unknown");
    expect((await rejectionOf(redeemLink(db, { token: "y".repeat(43), password: "a long and fine passphrase" }))).code).toBe("not_found");
    const created = await eventsOf(w.orgId, "user.created");
    expect(created.at(-1)).toMatchObject({ subjectId: user.id, actorId: w.admin.id });
    expect((await eventsOf(w.orgId, "user.joined")).at(-1)).toMatchObject({ subjectId: user.id, actorId: user.id });
  });

  it("refuses an expired link with a clear answer", async () => {
    const { user, link } = await inviteUser(deps(), w.admin, invite({ email: "late@example.test", name: "Lee Late", role: "customer" }));
    await db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await describeLink(db, link.token)).state).toBe("expired");
    const error = await rejectionOf(redeemLink(db, { token: link.token, password: "a long and fine passphrase" }));
    expect([error.code, error.message]).toEqual(["conflict", "This link has expired. Ask whoever sent it for a new one."]);
    // A new invitation replaces it.
    const fresh = await issueSignInLink(deps(), w.ana, user.id);
    expect(fresh.purpose).toBe("invitation");
    await redeemLink(db, { token: fresh.token, password: "a long and fine passphrase" });
  });

  it("answers a duplicate email with 409 naming the field, another organization's office with 404, and writes nothing", async () => {
    const before = await db.user.count();
    const dup = await rejectionOf(inviteUser(deps(), w.admin, invite({ email: w.ana.email.toUpperCase(), name: "Dup", role: "agent" })));
    expect([dup.code, dup.fields]).toEqual(["conflict", { email: "this email address is already in use" }]);
    const foreign = await rejectionOf(
      inviteUser(deps(), w.admin, invite({ email: "x1@example.test", name: "X", role: "agent", officeIds: [other.supportId] }))
    );
    expect([foreign.code, foreign.message]).toEqual(["not_found", "office not found"]);
    const customerOffice = await rejectionOf(
      inviteUser(deps(), w.admin, invite({ email: "x2@example.test", name: "X", role: "customer", officeIds: [w.supportId] }))
    );
    expect(customerOffice.fields).toEqual({ officeIds: "customers do not belong to offices" });
    expect(await db.user.count()).toBe(before);
    expect(await db.officeMember.count({ where: { officeId: other.supportId } })).toBe(1);
  });

  it("lets supervisors invite agents and customers, agents only customers, customers nobody", async () => {
    const refused = await rejectionOf(inviteUser(deps(), w.supervisor, invite({ email: "boss@example.test", name: "B", role: "admin" })));
    expect([refused.code, refused.fields?.role]).toEqual(["forbidden", "your role may only give the roles: agent, customer"]);
    expect((await rejectionOf(inviteUser(deps(), w.ana, invite({ email: "a1@example.test", name: "A", role: "agent" })))).fields?.role).toBe(
      "your role may only give the role: customer"
    );
    expect((await rejectionOf(inviteUser(deps(), w.customer, invite({ email: "c1@example.test", name: "C", role: "customer" })))).code).toBe("forbidden");
    const { user, link } = await inviteUser(deps(), w.ana, invite({ email: "client@example.test", name: "Cli Ent", role: "customer" }));
    expect(user.role).toBe("customer");
    const [pending] = (await listInvitations(deps(), w.admin)).filter((i) => i.userId === user.id);
    if (!pending) throw new Error("no pending invitation");
    await revokeInvitation(deps(), w.admin, pending.id);
    expect((await describeLink(db, link.token)).state).toBe("unknown");
    expect((await rejectionOf(revokeInvitation(deps(), w.admin, pending.id))).message).toBe("invitation not found");
  });

  it("creates customer accounts without sign-in for staff", async () => {
    const customer = await createCustomer(deps(), w.cy, parseInput(customerCreateSchema, { email: "walkin@example.test", name: "Walk In" }));
    expect(customer).toMatchObject({ role: "customer", status: "active", hasPassword: false });
    expect((await rejectionOf(createCustomer(deps(), w.customer, { email: "no@example.test", name: "No" }))).code).toBe("forbidden");
    expect((await rejectionOf(createCustomer(deps(), w.cy, { email: "walkin@example.test", name: "Again" }))).fields).toEqual({
      email: "this email address is already in use"
    });
    expect((await issueSignInLink(deps(), w.cy, customer.id)).purpose).toBe("invitation");
  });
});

describe("changing users", () => {
  it("changes role, offices and name, announcing the user's new access", async () => {
    const bo = await getUser(deps(), w.admin, w.bo.id);
    const changed = await updateUser(deps(), w.supervisor, w.bo.id, change({ officeIds: [w.supportId, w.salesId], name: "Bo Busy", version: bo.version }));
    expect(changed).toMatchObject({ name: "Bo Busy", officeIds: [w.supportId, w.salesId].sort(), version: bo.version + 1 });
    const [event] = (await eventsOf(w.orgId, "user.updated")).filter((e) => e.subjectId === w.bo.id).slice(-1);
    expect(event?.data).toMatchObject({ officeIds: [w.supportId, w.salesId].sort(), name: "Bo Busy" });
    // What changed, for "Sam Supervisor renamed Bo Agent to Bo Busy and changed their offices".
    expect((event?.data as { changes?: unknown }).changes).toEqual({
      name: { from: bo.name, to: "Bo Busy" },
      officeIds: { from: bo.officeIds, to: [w.supportId, w.salesId].sort() }
    });
    expect((await eventsOf(w.orgId, "office.updated")).map((e) => e.subjectId)).toContain(w.supportId);
    const stale = await rejectionOf(updateUser(deps(), w.admin, w.bo.id, change({ name: "Old", version: bo.version })));
    expect([stale.code, Object.keys(stale.fields ?? {})]).toEqual(["conflict", ["version"]]);
    // Like extensions and trunks: the refusal says who changed it and what the version is now, so the form can tell.
    expect(isStaleVersionError(stale) && stale.current).toEqual({ version: bo.version + 1, changedBy: w.supervisor.name });
    // Demoted to customer: the offices go too.
    expect((await updateUser(deps(), w.admin, w.bo.id, change({ role: "customer" }))).officeIds).toEqual([]);
    const officesForCustomer = await rejectionOf(updateUser(deps(), w.admin, w.bo.id, change({ officeIds: [w.salesId] })));
    expect(officesForCustomer.fields).toEqual({ officeIds: "customers do not belong to offices" });
    await updateUser(deps(), w.admin, w.bo.id, change({ role: "agent", officeIds: [w.salesId] }));
  });

  it("keeps supervisors to agents and customers, and nobody changes their own role", async () => {
    expect((await rejectionOf(updateUser(deps(), w.supervisor, w.admin.id, change({ name: "X" })))).message).toBe(
      "supervisors may only change agents and customers"
    );
    expect((await rejectionOf(updateUser(deps(), w.supervisor, w.cy.id, change({ role: "supervisor" })))).fields).toEqual({
      role: "your role may only give the roles: agent, customer"
    });
    expect((await rejectionOf(updateUser(deps(), w.admin, w.admin.id, change({ role: "agent" })))).fields).toEqual({
      role: "nobody may change their own role"
    });
    expect((await rejectionOf(updateUser(deps(), w.ana, w.cy.id, change({ name: "X" })))).code).toBe("forbidden");
    expect((await rejectionOf(updateUser(deps(), w.admin, other.cy.id, change({ name: "X" })))).message).toBe("user not found");
    expect((await rejectionOf(updateUser(deps(), w.admin, w.cy.id, change({ officeIds: [other.salesId] })))).message).toBe("office not found");
  });

  it("never leaves the organization without an active admin, even when two admins demote each other at once", async () => {
    const org = (await import("../testing/ticket-world")).createTicketOrg;
    const x = await org(db, "X");
    const alone = await rejectionOf(updateUser(deps(), x.admin, x.admin.id, change({ status: "deactivated" })));
    expect(alone.code).toBe("forbidden");
    const second = await createUser(db, x.orgId, { role: "admin", name: "Second", passwordHash: "x" });
    const viewer2 = { id: second.id, orgId: x.orgId, role: "admin" as const, name: "Second" };
    const results = await Promise.allSettled([
      updateUser(deps(), x.admin, second.id, change({ role: "agent" })),
      updateUser(deps(), viewer2, x.admin.id, change({ role: "agent" }))
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason as { code: string; fields: Record<string, string> };
    expect([refused.code, refused.fields]).toEqual(["conflict", { role: "the organization's last active admin can be neither demoted nor deactivated" }]);
    expect(await db.user.count({ where: { organizationId: x.orgId, role: "admin", status: "active" } })).toBe(1);
  });

  it("deactivates (ending sessions, API tokens and links) and reactivates without losing history", async () => {
    const { token } = await createApiToken(db, w.cy, { name: "script" });
    expect(await authenticateApiToken(db, token)).not.toBeNull();
    const deactivated = await updateUser(deps(), w.supervisor, w.cy.id, change({ status: "deactivated" }));
    expect(deactivated.status).toBe("deactivated");
    expect(await authenticateApiToken(db, token)).toBeNull();
    expect(await checkSession(db, w.cy.id, 1)).toEqual({ ok: false, reason: "deactivated" });
    expect((await eventsOf(w.orgId, "user.deactivated")).at(-1)).toMatchObject({ subjectId: w.cy.id, actorId: w.supervisor.id });
    expect((await rejectionOf(issueSignInLink(deps(), w.admin, w.cy.id))).code).toBe("bad_request");
    expect((await rejectionOf(updateUser(deps(), w.cy, w.cy.id, change({ status: "active" })))).code).toBe("forbidden");
    await updateUser(deps(), w.admin, w.cy.id, change({ status: "active" }));
    expect((await eventsOf(w.orgId, "user.reactivated")).at(-1)?.subjectId).toBe(w.cy.id);
    // The old session stays ended: its version is behind.
    expect(await checkSession(db, w.cy.id, 1)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkSession(db, w.cy.id, 2)).toMatchObject({ ok: true });
  });

  it("resets a password by a one-time link, ending the old password and every session at once", async () => {
    const user = await createUser(db, w.orgId, { role: "agent", name: "Reese", password: "the old passphrase" });
    const link = await issueSignInLink(deps(), w.supervisor, user.id);
    expect(link.purpose).toBe("password_reset");
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([now.passwordHash, now.sessionVersion]).toEqual([null, 2]);
    expect((await eventsOf(w.orgId, "user.sessions_revoked")).at(-1)?.subjectId).toBe(user.id);
    await redeemLink(db, { token: tokenOf(link.token), password: "the new passphrase!" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBeNull();
  });

  it("refuses an unknown id the same way as a foreign one", async () => {
    expect((await rejectionOf(updateUser(deps(), w.admin, randomUUID(), change({ name: "X" })))).message).toBe("user not found");
  });
});
