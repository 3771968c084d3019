import { ticketCreateSchema } from "@switchboard/contracts";
import { createTicket, parseInput, type ActingViewer } from "@switchboard/db";
import { createUser } from "@switchboard/db/seed";
import type { ApiTestEnv, TestUser } from "./api-test-env";

export interface TicketFixture {
  supportId: string;
  salesId: string;
  /** An agent of Sales (env.agent belongs to Support). */
  salesAgent: TestUser;
  otherCustomer: TestUser;
  /** Opens a ticket through the service, as `by`, in Support unless told otherwise. */
  open(by: ActingViewer, input?: Record<string, unknown>): Promise<string>;
}

/** Offices for the API test organizations: Support (env.agent) and Sales (a second agent), and a second customer. */
export async function createTicketFixture(env: ApiTestEnv): Promise<TicketFixture> {
  const db = env.runtime.db;
  const support = await db.office.create({ data: { organizationId: env.orgA.id, name: "Support" } });
  const sales = await db.office.create({ data: { organizationId: env.orgA.id, name: "Sales" } });
  const testUser = async (role: "agent" | "customer"): Promise<TestUser> => {
    const user = await createUser(db, env.orgA.id, { role, passwordHash: "unused" });
    const cookie = { cookie: await env.sessionCookie(user) };
    return { user, viewer: { id: user.id, orgId: user.organizationId, role: user.role, name: user.name }, auth: cookie, cookie };
  };
  const salesAgent = await testUser("agent");
  const otherCustomer = await testUser("customer");
  await db.officeMember.createMany({
    data: [
      { officeId: support.id, userId: env.agent.user.id },
      { officeId: sales.id, userId: salesAgent.user.id }
    ]
  });
  let n = 0;
  return {
    supportId: support.id,
    salesId: sales.id,
    salesAgent,
    otherCustomer,
    async open(by, input = {}) {
      n++;
      const data = parseInput(ticketCreateSchema, { subject: `Ticket ${n}`, body: `Description ${n}`, officeId: support.id, ...input });
      const detail = await createTicket(env.runtime.services, by, data);
      return detail.ticket.id;
    }
  };
}
