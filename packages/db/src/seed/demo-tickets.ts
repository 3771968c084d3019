import type { SecretBox } from "@switchboard/auth";
import type { TicketPriority, TicketStatus } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { updateTicket } from "../services/tickets-change";
import { createTicket } from "../services/tickets-create";
import { replyToTicket } from "../services/tickets-reply";
import type { ActingViewer } from "../services/viewer";

/** Demo offices and who works in them; supervisors and admins see every office anyway. */
const OFFICES: [name: string, members: string[]][] = [
  ["Support", ["ana@demo.test"]],
  ["Sales", ["bo@demo.test"]]
];

type Step = { by: string; reply?: string; note?: string; change?: { status?: TicketStatus; priority?: TicketPriority; assignee?: string } };

interface DemoTicket {
  subject: string;
  body: string;
  by: string;
  customer?: string;
  office: string;
  category?: string;
  steps: Step[];
}

const TICKETS: DemoTicket[] = [
  {
    subject: "Cannot log in to the voicemail portal",
    body: "Since this morning the voicemail portal says my PIN is wrong, although I did not change it.",
    by: "customer@demo.test",
    office: "Support",
    category: "Voicemail",
    steps: [
      { by: "supervisor@demo.test", change: { assignee: "ana@demo.test", priority: "high" } },
      { by: "ana@demo.test", reply: "Thanks for reporting this! I have reset your PIN; you should receive a text with a temporary one." },
      { by: "ana@demo.test", note: "Third PIN lockout this month for this account. @sam should we enforce the new PIN policy?" },
      { by: "customer@demo.test", reply: "Got the text, I am back in. Thank you!" },
      { by: "ana@demo.test", change: { status: "resolved" } }
    ]
  },
  {
    subject: "Invoice shows the wrong number of seats",
    body: "Our November invoice lists 14 seats but we only have 12 users.",
    by: "customer@demo.test",
    office: "Sales",
    category: "Billing",
    steps: [
      { by: "bo@demo.test", change: { assignee: "bo@demo.test" } },
      { by: "bo@demo.test", reply: "You are right, two seats were not released after offboarding. A credit note is on its way." },
      { by: "bo@demo.test", change: { status: "pending" } }
    ]
  },
  {
    subject: "Add two extensions for our new hires",
    body: "Two colleagues start on Monday; could they get extensions next to 104 and 105?",
    by: "customer@demo.test",
    office: "Sales",
    category: "Provisioning",
    steps: []
  },
  {
    subject: "Echo on calls through Carrier B",
    body: "Reported by phone: outbound calls over the backup carrier have a strong echo.",
    by: "supervisor@demo.test",
    customer: "customer@demo.test",
    office: "Support",
    category: "Call quality",
    steps: [
      { by: "supervisor@demo.test", change: { assignee: "ana@demo.test", priority: "urgent" } },
      { by: "ana@demo.test", note: "Carrier B trunk uses G.729 only; echo canceller off on their side. Opened a case with the carrier." }
    ]
  },
  {
    subject: "Hold music is far too loud",
    body: "Callers complain that the hold music is much louder than the voice prompts.",
    by: "customer@demo.test",
    office: "Support",
    category: "Audio",
    steps: [
      { by: "ana@demo.test", reply: "We normalized the hold music to the same level as the prompts. Could you check?" },
      { by: "ana@demo.test", change: { status: "resolved" } }
    ]
  },
  {
    subject: "Desk phone 106 reboots at random",
    body: "Support desk 1 reboots a few times a day; waiting for the vendor's firmware fix.",
    by: "ana@demo.test",
    office: "Support",
    category: "Hardware",
    steps: [{ by: "ana@demo.test", change: { status: "on_hold", priority: "low" } }]
  }
];

/** Demo offices, memberships and tickets. Idempotent: offices and tickets are matched by name and subject. */
export async function seedDemoTickets(db: DbClient, box: SecretBox, orgId: string): Promise<number> {
  let created = 0;
  const users = await db.user.findMany({ where: { organizationId: orgId }, select: { id: true, email: true, name: true, role: true } });
  const viewer = (email: string): ActingViewer => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`demo user ${email} is missing`);
    return { id: user.id, orgId, role: user.role, name: user.name };
  };

  const officeIds = new Map<string, string>();
  for (const [name, members] of OFFICES) {
    const office =
      (await db.office.findFirst({ where: { organizationId: orgId, name } })) ?? (created++, await db.office.create({ data: { organizationId: orgId, name } }));
    officeIds.set(name, office.id);
    await db.officeMember.createMany({ data: members.map((email) => ({ officeId: office.id, userId: viewer(email).id })), skipDuplicates: true });
  }

  const deps = { db, box };
  const existing = new Set((await db.ticket.findMany({ where: { organizationId: orgId }, select: { subject: true } })).map((t) => t.subject));
  for (const t of TICKETS.filter((ticket) => !existing.has(ticket.subject))) {
    const { ticket } = await createTicket(deps, viewer(t.by), {
      subject: t.subject,
      body: t.body,
      category: t.category,
      officeId: officeIds.get(t.office),
      ...(t.customer ? { customerId: viewer(t.customer).id } : {})
    });
    created++;
    for (const step of t.steps) {
      const by = viewer(step.by);
      if (step.reply) await replyToTicket(deps, by, ticket.id, { body: step.reply, internal: false, attachments: [] });
      if (step.note) await replyToTicket(deps, by, ticket.id, { body: step.note, internal: true, attachments: [] });
      if (step.change) {
        const { assignee, ...rest } = step.change;
        await updateTicket(deps, by, ticket.id, { ...rest, ...(assignee ? { assigneeId: viewer(assignee).id } : {}) });
      }
    }
  }
  return created;
}
