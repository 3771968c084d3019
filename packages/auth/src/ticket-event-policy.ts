import type { DomainEvent, TicketActivityView } from "@switchboard/contracts";
import { canReadNotification, canReadTicket, canSeeInternalTicketData, type TicketAccess } from "./ticket-policy";
import type { Viewer } from "./viewer";

type TicketEvent = Extract<DomainEvent, { type: "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.assigned" }>;
type ReplyEvent = Extract<DomainEvent, { type: "ticket.reply_created" }>;
type NotificationEvent = Extract<DomainEvent, { type: "notification.created" | "notification.read" }>;

/** Who could see the ticket before this change, when the change was one that moves it (reassignment, office move). */
function accessBefore(now: TicketAccess, activity: TicketActivityView | null): TicketAccess | null {
  if (activity?.kind === "assigned") return { ...now, assigneeId: activity.from };
  if (activity?.kind === "office_changed") return { ...now, officeId: activity.from };
  return null;
}

/** Types a customer may learn of without an activity row saying what happened. */
const PUBLIC_WITHOUT_ACTIVITY: ReadonlySet<TicketEvent["type"]> = new Set(["ticket.created", "ticket.status_changed"]);

/**
 * ticket.created / updated / status_changed / assigned. Staff who may read the ticket get the event
 * as stored; its customer gets the reduced copy, and only for changes they may know of (not an
 * assignment, priority or office change: the event's type would tell them already); staff who could
 * see it before this change but no longer can get a "hidden" marker; everyone else nothing.
 */
export function viewTicketEvent(viewer: Viewer, event: TicketEvent): TicketEvent | null {
  const data = event.data;
  // Stored events are always in the staff form; anything else is not ours to pass on.
  if (data.view !== "staff") return null;
  const access: TicketAccess = {
    orgId: event.orgId,
    officeId: data.officeId,
    customerId: data.customerId,
    assigneeId: data.assigneeId,
    createdById: data.createdById
  };
  if (canReadTicket(viewer, access)) {
    if (canSeeInternalTicketData(viewer)) return event;
    const visible = data.activity ? !data.activity.internal : PUBLIC_WITHOUT_ACTIVITY.has(event.type);
    if (!visible) return null;
    return {
      ...event,
      data: {
        view: "customer",
        id: data.id,
        number: data.number,
        publicId: data.publicId,
        subject: data.subject,
        body: data.body,
        status: data.status,
        category: data.category,
        customerId: data.customerId,
        customerName: data.customerName,
        resolvedAt: data.resolvedAt,
        closedAt: data.closedAt,
        createdAt: data.createdAt,
        updatedAt: data.updatedAt,
        attachments: data.attachments,
        activity: data.activity
      }
    };
  }
  const before = accessBefore(access, data.activity);
  if (before && canReadTicket(viewer, before)) return { ...event, data: { view: "hidden", id: data.id, publicId: data.publicId } };
  return null;
}

/** ticket.reply_created: internal notes reach staff who may read the ticket; replies also its customer, reduced. */
export function viewReplyEvent(viewer: Viewer, event: ReplyEvent): ReplyEvent | null {
  const data = event.data;
  if (data.view !== "staff") return null;
  const access: TicketAccess = {
    orgId: event.orgId,
    officeId: data.ticketOfficeId,
    customerId: data.ticketCustomerId,
    assigneeId: data.ticketAssigneeId,
    createdById: data.ticketCreatedById
  };
  if (!canReadTicket(viewer, access)) return null;
  if (canSeeInternalTicketData(viewer)) return event;
  if (data.internal) return null;
  return {
    ...event,
    data: {
      view: "customer",
      id: data.id,
      ticketId: data.ticketId,
      authorId: data.authorId,
      authorName: data.authorName,
      authorIsStaff: data.authorIsStaff,
      body: data.body,
      internal: false,
      attachments: data.attachments,
      createdAt: data.createdAt,
      ticketPublicId: data.ticketPublicId,
      ticketCustomerId: data.ticketCustomerId
    }
  };
}

export function viewNotificationEvent(viewer: Viewer, event: NotificationEvent): NotificationEvent | null {
  return canReadNotification(viewer, { orgId: event.orgId, userId: event.data.userId }) ? event : null;
}
