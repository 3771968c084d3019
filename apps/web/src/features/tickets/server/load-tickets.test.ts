import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyCreateSchema } from "@switchboard/contracts";
import { parseInput, replyToTicket, updateTicket } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { createApiTestEnv, type ApiTestEnv, type TestUser } from "@/features/api/testing/api-test-env";
import { createTicketFixture, type TicketFixture } from "@/features/api/testing/tickets-fixture";
import { loadUnreadBadge } from "@/features/notifications/server/load-notifications";
import { DEFAULT_TICKET_PARAMS } from "../ticket-list-params";
import { loadCallSummary } from "./load-call";
import { loadCustomerOptions } from "./load-customers";
import { loadTicketPage } from "./load-ticket";
import { loadTicketNeighbors } from "./load-ticket-neighbors";
import { loadTicketsPage } from "./load-tickets";

let env: ApiTestEnv;
let fx: TicketFixture;
const ids: Record<string, string> = {};
const NOTE = "INTERNAL-NOTE never for the customer";
const as = (u: TestUser): Viewer => ({ ...u.viewer, email: u.user.email, sessionVersion: u.user.sessionVersion });

beforeAll(async () => {
  env = await createApiTestEnv();
  fx = await createTicketFixture(env);
  ids.own = await fx.open(env.customer.viewer, { subject: "Own printer ticket" });
  ids.others = await fx.open(fx.otherCustomer.viewer, { subject: "Someone else's ticket" });
  ids.sales = await fx.open(env.supervisor.viewer, { subject: "Sales ticket", officeId: fx.salesId });
  await replyToTicket(env.runtime.services, env.agent.viewer, ids.own, parseInput(replyCreateSchema, { body: NOTE, internal: true }));
  await replyToTicket(env.runtime.services, env.agent.viewer, ids.own, parseInput(replyCreateSchema, { body: "We are looking into it" }));
});
afterAll(async () => {
  await env?.close();
});

const subjectsOf = (data: Awaited<ReturnType<typeof loadTicketsPage>>) => (data.ok ? data.page.data.map((t) => t.subject).sort() : data.message);

describe("ticket page loaders", () => {
  it("list exactly what the policy allows, with the seq the page reflects", async () => {
    const agent = await loadTicketsPage(as(env.agent), DEFAULT_TICKET_PARAMS);
    expect(subjectsOf(agent)).toEqual(["Own printer ticket", "Someone else's ticket"]);
    expect(agent.ok && agent.seq).toBeGreaterThan(0);
    expect(agent.offices.map((o) => o.name)).toEqual(["Sales", "Support"]);
    expect(subjectsOf(await loadTicketsPage(as(env.customer), DEFAULT_TICKET_PARAMS))).toEqual(["Own printer ticket"]);
    expect(subjectsOf(await loadTicketsPage(as(env.supervisor), { ...DEFAULT_TICKET_PARAMS, office: fx.salesId }))).toEqual(["Sales ticket"]);
  });

  it("refuse bad list parameters with a message naming them instead of failing the page", async () => {
    const customer = await loadTicketsPage(as(env.customer), { ...DEFAULT_TICKET_PARAMS, priority: "urgent" });
    expect(customer).toMatchObject({ ok: false, message: expect.stringContaining("priority") });
    const agent = await loadTicketsPage(as(env.agent), { ...DEFAULT_TICKET_PARAMS, status: "bogus" });
    expect(agent).toMatchObject({ ok: false, message: expect.stringContaining("status must be one of") });
  });

  it("give the customer their ticket without internal notes, and nothing of anyone else's", async () => {
    const own = await loadTicketPage(as(env.customer), ids.own ?? "");
    expect(own?.detail.ticket.view).toBe("customer");
    expect(own?.detail.replies.map((r) => r.body)).toEqual(["We are looking into it"]);
    expect(JSON.stringify(own)).not.toContain(NOTE);
    expect(own?.staff).toEqual([]);
    expect(await loadTicketPage(as(env.customer), ids.others ?? "")).toBeNull();
    expect(await loadTicketPage(as(env.customer), "not-a-uuid")).toBeNull();
    expect(await loadTicketPage(as(env.agent), ids.sales ?? "")).toBeNull();
    const staff = await loadTicketPage(as(env.agent), ids.own ?? "");
    expect(staff?.detail.replies.map((r) => r.internal)).toEqual([true, false]);
  });

  it("offer customers and calls to staff only", async () => {
    const customers = await loadCustomerOptions(as(env.agent));
    expect(customers.map((c) => c.id)).toEqual(expect.arrayContaining([env.customer.user.id, fx.otherCustomer.user.id]));
    expect(customers.map((c) => c.id)).not.toContain(env.agent.user.id);
    expect(await loadCustomerOptions(as(env.customer))).toEqual([]);
    expect(await loadCallSummary(as(env.customer), "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadCallSummary(as(env.agent), "not-a-uuid")).toBeNull();
  });

  it("link a ticket to its neighbours in the list it was opened from, across pages, and in the default list otherwise", async () => {
    const list = await loadTicketsPage(as(env.agent), DEFAULT_TICKET_PARAMS);
    const [first = "", second = ""] = list.ok ? list.page.data.map((t) => t.id) : [];
    expect(await loadTicketNeighbors(as(env.agent), first, DEFAULT_TICKET_PARAMS)).toEqual({ previous: null, next: `/tickets/${second}` });
    const paged = { ...DEFAULT_TICKET_PARAMS, pageSize: 1 };
    expect(await loadTicketNeighbors(as(env.agent), first, paged)).toEqual({ previous: null, next: `/tickets/${second}?page=2&pageSize=1` });
    expect(await loadTicketNeighbors(as(env.agent), second, { ...paged, page: 2 })).toEqual({ previous: `/tickets/${first}?pageSize=1`, next: null });
    // Filters the customer may not use: the default list, which holds only their own ticket.
    expect(await loadTicketNeighbors(as(env.customer), ids.own ?? "", { ...DEFAULT_TICKET_PARAMS, priority: "urgent" })).toEqual({
      previous: null,
      next: null
    });
  });

  it("count the assignee's unread inbox for the header badge", async () => {
    const before = await loadUnreadBadge(as(env.agent));
    await updateTicket(env.runtime.services, env.supervisor.viewer, ids.own ?? "", { assigneeId: env.agent.user.id });
    const after = await loadUnreadBadge(as(env.agent));
    expect(after.unread).toBe(before.unread + 1);
    expect(after.seq).toBeGreaterThan(before.seq);
  });
});
