import type { DomainEvent, NotificationView, StaffTicketView, TicketActivityView, TicketReplyView } from "@switchboard/contracts";

/** Small builders for ticket events in unit tests (shapes as the contracts define them). */
const at = "2026-01-01T00:00:00.000Z";
let seq = 0;

export function staffTicket(id: string, extra: Partial<StaffTicketView> = {}): StaffTicketView {
  return {
    view: "staff",
    id,
    number: 1001,
    publicId: "T-1001",
    subject: "Voicemail PIN rejected",
    body: "My PIN stopped working",
    status: "open",
    priority: "normal",
    category: null,
    customerId: "u-cara",
    customerName: "Cara Customer",
    createdById: "u-cara",
    createdByName: "Cara Customer",
    assigneeId: null,
    assigneeName: null,
    officeId: "o-support",
    officeName: "Support",
    callId: null,
    slaDueAt: at,
    resolvedAt: null,
    closedAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    lastCustomerReplyAt: null,
    attachments: [],
    ...extra
  };
}

export function reply(id: string, ticketId: string, extra: Partial<TicketReplyView> = {}): TicketReplyView {
  return {
    id,
    ticketId,
    authorId: "u-ana",
    authorName: "Ana Agent",
    authorIsStaff: true,
    body: "We are on it",
    internal: false,
    attachments: [],
    createdAt: at,
    ...extra
  };
}

function envelope(type: string, subjectId: string, data: unknown, actorName = "Ana Agent"): DomainEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    orgId: "org",
    seq,
    type,
    at,
    actor: { id: `u-${actorName.split(" ")[0]?.toLowerCase()}`, name: actorName },
    subject: { kind: "ticket", id: subjectId },
    data
  } as DomainEvent;
}

export function ticketEvent(
  type: "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.assigned",
  ticket: StaffTicketView,
  activity: TicketActivityView | null = null
): DomainEvent {
  return envelope(type, ticket.id, { ...ticket, activity });
}

export function hiddenEvent(id: string): DomainEvent {
  return envelope("ticket.assigned", id, { view: "hidden", id, publicId: "T-1001" });
}

export function replyEvent(r: TicketReplyView, view: "staff" | "customer" = "staff"): DomainEvent {
  const extra = view === "staff" ? { ticketOfficeId: "o-support", ticketAssigneeId: null, ticketCreatedById: "u-cara" } : {};
  return envelope("ticket.reply_created", r.id, { ...r, view, ticketPublicId: "T-1001", ticketCustomerId: "u-cara", ...extra }, r.authorName);
}

export function activity(id: string, ticketId: string, extra: Partial<TicketActivityView> = {}): TicketActivityView {
  return {
    id,
    ticketId,
    kind: "status_changed",
    actorId: "u-ana",
    actorName: "Ana Agent",
    from: "open",
    to: "resolved",
    fromLabel: "open",
    toLabel: "resolved",
    internal: false,
    createdAt: at,
    ...extra
  };
}

export function notification(id: string, extra: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    userId: "u-bo",
    kind: "assignment",
    ticketId: "t1",
    link: "/tickets/t1",
    ticketPublicId: "T-1001",
    ticketSubject: "Voicemail PIN rejected",
    actorId: "u-sam",
    actorName: "Sam Supervisor",
    excerpt: "",
    readAt: null,
    createdAt: at,
    ...extra
  };
}

export function notificationEvent(type: "notification.created" | "notification.read", n: NotificationView): DomainEvent {
  return envelope(type, n.id, n, "Sam Supervisor");
}
