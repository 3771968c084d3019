import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import { DEMO_ORG_SLUG, seedDemo } from "../seed/demo";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createTicketOrg, type TicketOrg, type WorldUser } from "../testing/ticket-world";
import { DomainError } from "./errors";
import type { ServiceDeps } from "./extensions";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "./notifications";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";
import { mentionedStaff } from "./tickets-notify";
import { replyToTicket } from "./tickets-reply";
import { replyInput, notificationQuery } from "../testing/edge-input";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.client;
  deps = { db, box: t.box };
  w = await createTicketOrg(db, "A");
});
afterAll(() => t.drop());

const inbox = async (user: WorldUser) => (await listNotifications(deps, user, notificationQuery({ unread: "true" }))).data.map((n) => [n.kind, n.excerpt]);
const clear = async (...users: WorldUser[]) => {
  for (const user of users) await markAllNotificationsRead(deps, user);
};

describe("notifications are written with the change that causes them", () => {
  it("notifies an assignee (not when assigning yourself), with an event only its recipient may see", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Fax broken", body: "It beeps", officeId: w.supportId });
    await updateTicket(deps, w.supervisor, ticket.id, { assigneeId: w.ana.id });
    expect(await inbox(w.ana)).toEqual([["assignment", "Fax broken"]]);
    await updateTicket(deps, w.ana, ticket.id, { assigneeId: null });
    await updateTicket(deps, w.ana, ticket.id, { assigneeId: w.ana.id });
    expect(await inbox(w.ana)).toHaveLength(1);
    const events = await t.database.raw.outboxEvent.findMany({ where: { type: "notification.created", organizationId: w.orgId } });
    expect(events.map((e) => (e.data as { userId: string }).userId)).toEqual([w.ana.id]);
    expect(events[0]).toMatchObject({ subjectKind: "notification", actorId: w.supervisor.id });
  });

  it("notifies the customer of public replies only, and the assignee of every reply by someone else", async () => {
    const { ticket } = await createTicket(deps, w.supervisor, {
      subject: "Headset",
      body: "Crackles",
      officeId: w.supportId,
      customerId: w.customer.id,
      assigneeId: w.ana.id
    });
    await clear(w.customer, w.ana);
    await replyToTicket(deps, w.supervisor, ticket.id, replyInput({ body: "Internal: replace it", internal: true }));
    expect(await inbox(w.customer)).toEqual([]);
    expect(await inbox(w.ana)).toEqual([["reply", "Internal: replace it"]]);
    await replyToTicket(deps, w.ana, ticket.id, replyInput({ body: "A new headset is on its way" }));
    expect((await listNotifications(deps, w.customer, notificationQuery())).unread).toBe(1);
    expect(await inbox(w.ana)).toHaveLength(1);
    await replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "Thanks" }));
    expect((await listNotifications(deps, w.ana, notificationQuery({ unread: "true" }))).data.map((n) => n.excerpt)).toEqual([
      "Thanks",
      "Internal: replace it"
    ]);
  });

  it("notifies staff mentioned with @ who may read the ticket, once, and ignores customers' @", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Porting", body: "Move our number", officeId: w.supportId });
    await clear(w.ana, w.bo, w.supervisor, w.cy);
    const sam = w.supervisor.name.split(" ")[0]?.toLowerCase() ?? "";
    await replyToTicket(deps, w.ana, ticket.id, replyInput({ body: `@${sam} please approve; @bo and @cy cannot see this; @${sam} again`, internal: true }));
    expect(await inbox(w.supervisor)).toEqual([["mention", expect.stringContaining("please approve")]]);
    expect(await inbox(w.bo)).toEqual([]);
    expect(await inbox(w.cy)).toEqual([]);
    await replyToTicket(deps, w.customer, ticket.id, replyInput({ body: `@${sam} hello` }));
    expect(await inbox(w.supervisor)).toHaveLength(1);
  });
});

describe("mentions in long and hostile texts", () => {
  it("are found in one pass: 100k characters of punctuation runs, @-chains and e-mail addresses", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Long text", body: "…", officeId: w.supportId });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    const sam = w.supervisor.name.split(" ")[0]?.toLowerCase() ?? "";
    // A trailing-dot trim by regex retried from every dot of the run: ~40 s for this text alone.
    const dots = `@${".".repeat(100_000)}x`;
    const chain = "a@".repeat(20_000);
    const text = `${dots} ${chain} ana@example.com @${sam}... ${"@-".repeat(10_000)}`;
    expect(text.length).toBeGreaterThan(150_000);
    expect(await mentionedStaff(db, row, text)).toEqual([w.supervisor.id]);
    expect(await mentionedStaff(db, row, dots + chain)).toEqual([]);
  });
});

describe("reading notifications", () => {
  it("marks one read (others' are not found) and all read, announcing each", async () => {
    const { ticket } = await createTicket(deps, w.supervisor, { subject: "Desk move", body: "Move 104", officeId: w.salesId, assigneeId: w.bo.id });
    await replyToTicket(deps, w.supervisor, ticket.id, replyInput({ body: "Any update?" }));
    const page = await listNotifications(deps, w.bo, notificationQuery());
    expect(page.unread).toBe(2);
    const first = page.data[0];
    if (!first) throw new Error("notification expected");
    const missing = await markNotificationRead(deps, w.ana, first.id).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DomainError);
    expect((missing as DomainError).code).toBe("not_found");
    expect((await markNotificationRead(deps, w.bo, first.id)).readAt).not.toBeNull();
    expect(await markAllNotificationsRead(deps, w.bo)).toEqual({ count: 1 });
    expect((await listNotifications(deps, w.bo, notificationQuery())).unread).toBe(0);
    const read = await t.database.raw.outboxEvent.findMany({ where: { type: "notification.read", organizationId: w.orgId, actorId: w.bo.id } });
    expect(read).toHaveLength(2);
    expect((await listNotifications(deps, w.bo, notificationQuery({ unread: "false" }))).total).toBe(2);
  });
});

describe("demo seed", () => {
  it("adds offices and tickets with replies and an internal note, idempotently", async () => {
    await seedDemo(db, t.box);
    const again = await seedDemo(db, t.box);
    expect(again.created).toBe(0);
    const org = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    expect((await db.office.findMany({ where: { organizationId: org.id }, orderBy: { name: "asc" } })).map((o) => o.name)).toEqual(["Sales", "Support"]);
    expect(await db.ticket.count({ where: { organizationId: org.id } })).toBe(6);
    expect(await db.ticketReply.count({ where: { organizationId: org.id, internal: true } })).toBeGreaterThanOrEqual(1);
    const customer = await db.user.findUniqueOrThrow({ where: { email: "customer@demo.test" } });
    expect(await db.ticket.count({ where: { customerId: customer.id } })).toBeGreaterThanOrEqual(4);
  });
});
