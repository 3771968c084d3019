import type { SecretBox, SessionUser } from "@switchboard/auth";
import { createTicket, type ActingViewer, type DbClient } from "@switchboard/db";
import { createUser } from "@switchboard/db/seed";

/** What scenario E's ticket and user changes act on, per organization. */
export interface PageSubjects {
  /** A ticket of the office every staff member of the organization works in: every staff member may read it. */
  ticketId: string;
  /** A colleague without a console, whose name changes (a user.updated no open socket's access depends on). */
  colleagueId: string;
}

/**
 * One office with every staff console's user as a member, a ticket of that office opened by the
 * admin for themselves (so no customer is involved) and a console-less colleague.
 */
export async function seedPageSubjects(db: DbClient, box: SecretBox, admin: ActingViewer, users: readonly SessionUser[]): Promise<PageSubjects> {
  const orgId = admin.orgId;
  const office = await db.office.create({ data: { organizationId: orgId, name: "Bench desk" } });
  const staff = users.filter((u) => u.role !== "customer");
  await db.officeMember.createMany({ data: staff.map((u) => ({ officeId: office.id, userId: u.id })) });
  const colleague = await createUser(db, orgId, { role: "agent", name: "Bench Colleague", passwordHash: "bench-user-cannot-sign-in" });
  const { ticket } = await createTicket({ db, box }, admin, {
    subject: "Bench ticket",
    body: "A ticket the benchmark keeps editing.",
    officeId: office.id
  });
  return { ticketId: ticket.id, colleagueId: colleague.id };
}
