import { ticketPublicId, type EventType } from "@switchboard/contracts";
import { toExtensionView, type ExtensionWithUser } from "../views/extension-view";
import { toTrunkView } from "../views/trunk-view";
import { toCallEventData, type CallWithLatestEntry } from "../views/call-view";
import { toExtensionStatusView, toPbxConnectionStatusView, toTrunkStatusView } from "../views/pbx-status-view";
import type { ExtensionStatus, PbxConnection, Trunk, TrunkStatus } from "../generated/prisma/client";
import { callEventType } from "./call-event-type";
import { toTicketEventData, ticketNames, type TicketRow } from "../views/ticket-view";
import { replyAuthor, toReplyEventData, type TicketReplyRow } from "../views/ticket-reply-view";
import { notificationIncludes, toNotificationView, type NotificationRow } from "../views/ticket-notification-view";
import { notificationEventType, replyEventType, ticketEventType } from "./ticket-event-type";

export type Verb = "created" | "updated" | "deleted";

/**
 * Models whose every write becomes a domain event. `include` is what the view needs loaded;
 * `view` and `label` turn a full row into the event's data. Later features register theirs here.
 *
 * Plain CRUD models name their event by the verb (`types`). Models with a richer vocabulary (a
 * call is answered, held, resumed...) give `eventType`, which sees the row before and after the
 * write and picks the type, or null for writes that announce nothing. The hooks then load the
 * previous row of every update in the same transaction.
 */
export interface EventModel<Row = never> {
  kind: string;
  types: { created: EventType; updated: EventType; deleted: EventType };
  eventType?(verb: Verb, before: Row | null, after: Row): EventType | null;
  include?: Record<string, unknown>;
  orgId(row: Row): string;
  /** The event's subject id; the row's id unless the row describes another subject. */
  subjectId?(row: Row): string;
  view(row: Row): unknown;
  label(row: Row): string;
}

/** Every model row belongs to one organization; its events go to that organization's rooms. */
const orgOf = (row: { organizationId: string }) => row.organizationId;

/** One event type whatever the verb (the model's `eventType` decides which writes announce it). */
const sameType = (type: EventType) => ({ created: type, updated: type, deleted: type });

const extension: EventModel<ExtensionWithUser> = {
  kind: "extension",
  types: { created: "extension.created", updated: "extension.updated", deleted: "extension.deleted" },
  include: { user: { select: { name: true } } },
  orgId: orgOf,
  view: toExtensionView,
  label: (row) => `${row.number} ${row.displayName}`
};

const trunk: EventModel<Trunk> = {
  kind: "trunk",
  types: { created: "trunk.created", updated: "trunk.updated", deleted: "trunk.deleted" },
  orgId: orgOf,
  view: toTrunkView,
  label: (row) => row.name
};

const call: EventModel<CallWithLatestEntry> = {
  kind: "call",
  types: { created: "call.started", updated: "call.updated", deleted: "call.ended" },
  eventType: callEventType,
  // The newest timeline row rides along, so consoles append it without refetching.
  include: { events: { orderBy: { id: "desc" }, take: 1 } },
  orgId: orgOf,
  view: toCallEventData,
  label: (row) => `${row.fromNumber} → ${row.toNumber}`
};

/**
 * Status rows are announced as their extension's / trunk's (or the PBX's) status; their deletion
 * (a cascade) is not.
 */
function statusModel<Row extends { organizationId: string }>(
  kind: string,
  type: EventType,
  model: Pick<EventModel<Row>, "subjectId" | "view" | "label">
): EventModel<Row> {
  return { kind, types: sameType(type), eventType: (verb) => (verb === "deleted" ? null : type), orgId: orgOf, ...model };
}

const extensionStatus = statusModel<ExtensionStatus>("extension", "extension.status_changed", {
  subjectId: (row) => row.extensionId,
  view: toExtensionStatusView,
  label: (row) => row.extensionId
});

const trunkStatus = statusModel<TrunkStatus>("trunk", "trunk.status_changed", {
  subjectId: (row) => row.trunkId,
  view: toTrunkStatusView,
  label: (row) => row.trunkId
});

const pbxConnection = statusModel<PbxConnection>("pbx_connection", "pbx.status_changed", {
  view: toPbxConnectionStatusView,
  label: (row) => `${row.host}:${row.port}`
});

const ticket: EventModel<TicketRow> = {
  kind: "ticket",
  types: { created: "ticket.created", updated: "ticket.updated", deleted: "ticket.updated" },
  eventType: ticketEventType,
  // The newest audit row rides along; toTicketEventData keeps it only if this write made it.
  include: { ...ticketNames, activities: { orderBy: { id: "desc" }, take: 1, include: { actor: { select: { name: true } } } } },
  orgId: orgOf,
  view: toTicketEventData,
  label: (row) => ticketPublicId(row.number)
};

/** Replies are announced on their ticket (subject ticket:{id}), with the ticket's access facts. */
const ticketReply: EventModel<TicketReplyRow> = {
  kind: "ticket",
  types: sameType("ticket.reply_created"),
  eventType: replyEventType,
  include: { ...replyAuthor, ticket: { select: { number: true, officeId: true, customerId: true, assigneeId: true } } },
  orgId: orgOf,
  subjectId: (row) => row.ticketId,
  view: toReplyEventData,
  label: (row) => row.id
};

const notification: EventModel<NotificationRow> = {
  kind: "notification",
  types: { created: "notification.created", updated: "notification.read", deleted: "notification.read" },
  eventType: notificationEventType,
  include: notificationIncludes,
  orgId: orgOf,
  view: toNotificationView,
  label: (row) => row.kind
};

// Keys are Prisma model names as the query extension reports them.
export const eventModels: Record<string, EventModel<never> | undefined> = {
  Extension: extension as unknown as EventModel<never>,
  Trunk: trunk as unknown as EventModel<never>,
  Call: call as unknown as EventModel<never>,
  ExtensionStatus: extensionStatus as unknown as EventModel<never>,
  TrunkStatus: trunkStatus as unknown as EventModel<never>,
  PbxConnection: pbxConnection as unknown as EventModel<never>,
  Ticket: ticket as unknown as EventModel<never>,
  TicketReply: ticketReply as unknown as EventModel<never>,
  Notification: notification as unknown as EventModel<never>
};
