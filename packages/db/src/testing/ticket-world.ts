import type { Role } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { createOrganization, createUser } from "../seed/factories";
import type { ActingViewer } from "../services/viewer";

export interface WorldUser extends ActingViewer {
  email: string;
}

export interface TicketOrg {
  orgId: string;
  supportId: string;
  salesId: string;
  admin: WorldUser;
  supervisor: WorldUser;
  /** Member of Support. */
  ana: WorldUser;
  /** Member of Sales. */
  bo: WorldUser;
  /** Member of no office. */
  cy: WorldUser;
  customer: WorldUser;
  otherCustomer: WorldUser;
}

async function user(db: DbClient, orgId: string, role: Role, name: string): Promise<WorldUser> {
  const row = await createUser(db, orgId, { role, name, passwordHash: "unused" });
  return { id: row.id, orgId, role, name: row.name, email: row.email };
}

/** An organization with two offices (Support: Ana; Sales: Bo), one officeless agent and two customers. */
export async function createTicketOrg(db: DbClient, label = "A"): Promise<TicketOrg> {
  const org = await createOrganization(db, { name: `Org ${label}` });
  const support = await db.office.create({ data: { organizationId: org.id, name: "Support" } });
  const sales = await db.office.create({ data: { organizationId: org.id, name: "Sales" } });
  const world: TicketOrg = {
    orgId: org.id,
    supportId: support.id,
    salesId: sales.id,
    admin: await user(db, org.id, "admin", `Ada ${label}`),
    supervisor: await user(db, org.id, "supervisor", `Sam ${label}`),
    ana: await user(db, org.id, "agent", `Ana ${label}`),
    bo: await user(db, org.id, "agent", `Bo ${label}`),
    cy: await user(db, org.id, "agent", `Cy ${label}`),
    customer: await user(db, org.id, "customer", `Cara ${label}`),
    otherCustomer: await user(db, org.id, "customer", `Otto ${label}`)
  };
  await db.officeMember.createMany({
    data: [
      { officeId: support.id, userId: world.ana.id },
      { officeId: sales.id, userId: world.bo.id }
    ]
  });
  return world;
}
