import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewEventFor, type Viewer } from "@switchboard/auth";
import { parseEventData, type DomainEvent } from "@switchboard/contracts";
import { toEnvelope } from "../outbox/outbox-envelope";
import type { TestDatabase } from "../testing/test-database";
import { prng } from "../testing/prng";
import { createTicketTestWorld } from "../testing/ticket-test-world";
import { type TicketOrg, type WorldUser } from "../testing/ticket-world";
import { DomainError } from "./errors";
import type { ServiceDeps } from "./extensions";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";
import { replyToTicket } from "./tickets-reply";
import { replyInput } from "../testing/edge-input";

/**
 * 200 random ticket operations (internal notes, other customers' and other offices' tickets,
 * office moves, reassignments, another organization), then every outbox event through
 * viewEventFor for a customer and for an agent, compared with an oracle that knows nothing of the
 * policy code: it judges each event from the ticket's state in the database around the operation.
 */

let t: TestDatabase;
let deps: ServiceDeps;
let a: TicketOrg;
let b: TicketOrg;

beforeAll(async () => {
  ({ t, deps, orgA: a, orgB: b } = await createTicketTestWorld());
});
afterAll(() => t.drop());

interface State {
  orgId: string;
  officeId: string | null;
  customerId: string;
  assigneeId: string | null;
}
type Expected = "full" | "hidden" | "customer" | "none";
interface Tagged {
  event: DomainEvent;
  /** What the oracle expects the customer and the agent to receive. */
  customer: Expected;
  agent: Expected;
}

const stateOf = async (id: string): Promise<State> => {
  const row = await t.database.raw.ticket.findUniqueOrThrow({ where: { id } });
  return { orgId: row.organizationId, officeId: row.officeId, customerId: row.customerId, assigneeId: row.assigneeId };
};

describe("ticket events filtered per viewer (200 random operations)", () => {
  it("never hands a customer internal notes or others' tickets, and hands an agent exactly what they may see", { timeout: 300_000 }, async () => {
    const rnd = prng(20261121);
    const customerViewer: Viewer = { id: a.customer.id, orgId: a.orgId, role: "customer" };
    const agentViewer: Viewer = { id: a.ana.id, orgId: a.orgId, role: "agent", officeIds: [a.supportId] };
    // The oracle's own rules, written from the words rather than from the policy code.
    const agentSees = (s: State) => s.orgId === a.orgId && (s.officeId === a.supportId || s.assigneeId === a.ana.id);
    const customerOwns = (s: State) => s.orgId === a.orgId && s.customerId === a.customer.id;

    const tickets: { id: string; org: TicketOrg }[] = [];
    const internalMarkers: string[] = [];
    const foreignSubjects: string[] = [];
    const tagged: Tagged[] = [];
    const lastSeq = new Map<string, bigint>([
      [a.orgId, 0n],
      [b.orgId, 0n]
    ]);
    let failures = 0;

    /** Events committed since the last call (operations run one at a time, each in one organization). */
    const newEvents = async (): Promise<DomainEvent[]> => {
      const rows = await t.database.raw.outboxEvent.findMany({
        where: { OR: [...lastSeq].map(([organizationId, seq]) => ({ organizationId, seq: { gt: seq } })) },
        orderBy: [{ seq: "asc" }]
      });
      for (const row of rows) lastSeq.set(row.organizationId, row.seq);
      return rows.map(toEnvelope);
    };
    await newEvents();

    for (let i = 0; i < 200; i++) {
      const org = rnd.next() < 0.2 ? b : a;
      const staff: WorldUser[] = [org.admin, org.supervisor, org.ana, org.bo, org.cy];
      const mine = tickets.filter((x) => x.org === org);
      const kind = mine.length < 3 ? "create" : rnd.pick(["create", "reply", "note", "note", "status", "priority", "assign", "office"] as const);
      const target = mine.length ? rnd.pick(mine) : undefined;
      const before = target ? await stateOf(target.id) : null;
      let internal = false;
      try {
        switch (kind) {
          case "create": {
            const customer = rnd.pick([org.customer, org.otherCustomer]);
            const subject = `Subject ${i} for ${customer.name}`;
            if (customer.id !== a.customer.id) foreignSubjects.push(subject);
            const officeId = rnd.pick([org.supportId, org.salesId, null]);
            const onBehalf = rnd.next() < 0.5;
            const { ticket } = await createTicket(deps, onBehalf ? org.supervisor : customer, {
              subject,
              body: `Body ${i}`,
              officeId,
              ...(onBehalf ? { customerId: customer.id, assigneeId: rnd.pick([null, org.ana.id, org.bo.id]) } : {})
            });
            tickets.push({ id: ticket.id, org });
            break;
          }
          case "reply": {
            const author = rnd.pick([org.customer, org.otherCustomer, ...staff]);
            await replyToTicket(deps, author, target?.id ?? "", replyInput({ body: `PUBLIC-REPLY-${i} @${org.ana.name.split(" ")[0]}` }));
            break;
          }
          case "note": {
            internal = true;
            const marker = `INTERNAL-NOTE-${i}`;
            internalMarkers.push(marker);
            const author = rnd.pick([...staff, org.customer]);
            await replyToTicket(
              deps,
              author,
              target?.id ?? "",
              replyInput({
                body: `${marker} @${org.ana.name.split(" ")[0]} @${org.supervisor.name.split(" ")[0]}`,
                internal: true
              })
            );
            break;
          }
          case "status":
            await updateTicket(deps, rnd.pick(staff), target?.id ?? "", { status: rnd.pick(["open", "pending", "on_hold", "resolved", "closed", "open"]) });
            break;
          case "priority":
            await updateTicket(deps, rnd.pick(staff), target?.id ?? "", { priority: rnd.pick(["low", "normal", "high", "urgent"]) });
            break;
          case "assign":
            await updateTicket(deps, rnd.pick(staff), target?.id ?? "", { assigneeId: rnd.pick([null, org.ana.id, org.bo.id, org.cy.id]) });
            break;
          case "office":
            await updateTicket(deps, rnd.pick([org.supervisor, org.admin, org.ana]), target?.id ?? "", {
              officeId: rnd.pick([org.supportId, org.salesId, null])
            });
            break;
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failures++;
      }

      const events = await newEvents();
      const after = kind === "create" ? await stateOf(tickets.at(-1)?.id ?? "") : await stateOf(target?.id ?? "");
      // Walk the operation's ticket events in order: each moves one field from its old to its new value.
      let current: State = before ?? after;
      for (const event of events) {
        let previous = current;
        if (event.type === "ticket.assigned") current = { ...current, assigneeId: after.assigneeId };
        if (event.type === "ticket.updated" && kind === "office") current = { ...current, officeId: after.officeId };
        if (event.type === "ticket.created") previous = current = after;
        const judge = (): { customer: Expected; agent: Expected } => {
          if (event.type.startsWith("notification.")) {
            const userId = (event.data as { userId: string }).userId;
            return { customer: userId === a.customer.id ? "full" : "none", agent: userId === a.ana.id ? "full" : "none" };
          }
          if (event.type === "ticket.reply_created") {
            return { agent: agentSees(current) ? "full" : "none", customer: customerOwns(current) && !internal ? "customer" : "none" };
          }
          const publicChange = event.type === "ticket.created" || event.type === "ticket.status_changed";
          return {
            agent: agentSees(current) ? "full" : agentSees(previous) ? "hidden" : "none",
            customer: customerOwns(current) && publicChange ? "customer" : "none"
          };
        };
        const { customer, agent } = judge();
        tagged.push({ event, customer, agent });
      }
    }

    // The run exercised what it is meant to: every operation, failures, both organizations.
    const types = new Set(tagged.map((x) => x.event.type));
    for (const type of ["ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned", "ticket.reply_created", "notification.created"]) {
      expect(types).toContain(type);
    }
    expect(failures).toBeGreaterThan(0);
    expect(internalMarkers.length).toBeGreaterThan(10);
    expect(tagged.some((x) => x.agent === "hidden")).toBe(true);
    expect(tagged.some((x) => x.customer === "customer")).toBe(true);

    const outcome = (viewer: Viewer, event: DomainEvent): Expected => {
      const seen = viewEventFor(viewer, event);
      if (!seen) return "none";
      parseEventData(seen.type, seen.data);
      const view = (seen.data as { view?: string }).view;
      if (view === "hidden") return "hidden";
      if (view === "customer") return "customer";
      expect(seen).toBe(event);
      return "full";
    };
    const delivered: DomainEvent[] = [];
    for (const { event, customer, agent } of tagged) {
      parseEventData(event.type, event.data);
      expect({ seq: event.seq, type: event.type, customer: outcome(customerViewer, event) }).toEqual({ seq: event.seq, type: event.type, customer });
      expect({ seq: event.seq, type: event.type, agent: outcome(agentViewer, event) }).toEqual({ seq: event.seq, type: event.type, agent });
      const seen = viewEventFor(customerViewer, event);
      if (seen) delivered.push(seen);
    }

    const text = JSON.stringify(delivered);
    for (const marker of internalMarkers) expect(text).not.toContain(marker);
    for (const subject of foreignSubjects) expect(text).not.toContain(subject);
    for (const key of ["assigneeId", "officeId", "priority", "slaDueAt", "ticketOfficeId"]) expect(text).not.toContain(`"${key}"`);
    expect(delivered.every((e) => e.orgId === a.orgId)).toBe(true);
    expect(delivered.some((e) => e.type === "ticket.reply_created")).toBe(true);
  });
});
