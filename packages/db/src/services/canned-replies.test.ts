import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cannedReplyCreateSchema } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { createCannedReply, deleteCannedReply, getCannedReply, listCannedReplies, updateCannedReply } from "./canned-replies";
import { parseInput } from "./parse-input";
import { isStaleVersionError } from "./versioned";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t.drop());

const rowsOf = (orgId: string) => db.cannedReply.findMany({ where: { organizationId: orgId }, orderBy: { name: "asc" } });

describe("canned replies", () => {
  it("are written by admins and supervisors, read by every staff member, and by no customer", async () => {
    const greeting = await createCannedReply(deps, w.admin, { name: "Greeting", body: "Hi {{customer.name}}," });
    await createCannedReply(deps, w.supervisor, { name: "Closing", body: "Best, {{agent.name}}" });
    expect((await rejectionOf(createCannedReply(deps, w.ana, { name: "Mine", body: "x" }))).message).toBe(
      "only admins and supervisors may change canned replies"
    );
    expect((await rejectionOf(updateCannedReply(deps, w.ana, greeting.id, { name: "Greeting", body: "Hey" }))).code).toBe("forbidden");
    expect((await rejectionOf(deleteCannedReply(deps, w.bo, greeting.id))).code).toBe("forbidden");
    expect((await listCannedReplies(deps, w.ana)).map((r) => r.name)).toEqual(["Closing", "Greeting"]);
    expect((await rejectionOf(listCannedReplies(deps, w.customer))).message).toBe("only staff may use canned replies");
    expect((await rejectionOf(getCannedReply(deps, w.customer, greeting.id))).code).toBe("forbidden");
    expect((await rowsOf(w.orgId)).map((r) => r.name)).toEqual(["Closing", "Greeting"]);
  });

  it("stay inside their organization", async () => {
    const own = await createCannedReply(deps, w.admin, { name: "Refund policy", body: "Refunds take {{ticket.number}} days" });
    await createCannedReply(deps, other.admin, { name: "Refund policy", body: "Elsewhere" });
    expect((await listCannedReplies(deps, other.ana)).map((r) => r.body)).toEqual(["Elsewhere"]);
    expect((await rejectionOf(getCannedReply(deps, other.admin, own.id))).code).toBe("not_found");
    expect((await rejectionOf(updateCannedReply(deps, other.admin, own.id, { name: "Hijack", body: "x" }))).code).toBe("not_found");
    expect((await rejectionOf(deleteCannedReply(deps, other.admin, own.id))).code).toBe("not_found");
    expect((await getCannedReply(deps, w.ana, own.id)).body).toBe("Refunds take {{ticket.number}} days");
  });

  it("refuses a duplicate name in the organization on the name field", async () => {
    await createCannedReply(deps, w.admin, { name: "Duplicate", body: "One" });
    const refusal = await rejectionOf(createCannedReply(deps, w.supervisor, { name: "Duplicate", body: "Two" }));
    expect(refusal.code).toBe("conflict");
    expect(refusal.fields).toEqual({ name: "a canned reply with this name already exists" });
    const renamed = await createCannedReply(deps, w.admin, { name: "Unique", body: "Three" });
    expect((await rejectionOf(updateCannedReply(deps, w.admin, renamed.id, { name: "Duplicate", body: "Three" }))).code).toBe("conflict");
  });

  it("refuses unknown placeholders at the edge, naming them, before anything is written", async () => {
    const before = await rowsOf(w.orgId);
    const refusal = await rejectionOf(async () =>
      createCannedReply(deps, w.admin, parseInput(cannedReplyCreateSchema, { name: "Broken", body: "Hi {{customer.nmae}} re {{ticket.id}}" }))
    );
    expect(refusal.code).toBe("bad_request");
    expect(refusal.fields?.body).toContain("unknown placeholders {{customer.nmae}}, {{ticket.id}}");
    expect(await rowsOf(w.orgId)).toEqual(before);
  });

  it("refuses an edit or delete based on an older version, and keeps the newer text", async () => {
    const reply = await createCannedReply(deps, w.admin, { name: "Versioned", body: "First" });
    const edited = await updateCannedReply(deps, w.supervisor, reply.id, { name: "Versioned", body: "Second", version: reply.version });
    expect(edited.version).toBe(reply.version + 1);
    const stale = await rejectionOf(updateCannedReply(deps, w.admin, reply.id, { name: "Versioned", body: "Third", version: reply.version }));
    expect(isStaleVersionError(stale)).toBe(true);
    expect(stale.message).toContain(`your version ${reply.version}, now ${edited.version}`);
    expect(isStaleVersionError(await rejectionOf(deleteCannedReply(deps, w.admin, reply.id, reply.version)))).toBe(true);
    expect((await getCannedReply(deps, w.ana, reply.id)).body).toBe("Second");
    await deleteCannedReply(deps, w.admin, reply.id, edited.version);
    expect((await rejectionOf(getCannedReply(deps, w.ana, reply.id))).code).toBe("not_found");
    expect((await rejectionOf(updateCannedReply(deps, w.admin, reply.id, { name: "Versioned", body: "Gone", version: edited.version }))).code).toBe(
      "not_found"
    );
  });
});
