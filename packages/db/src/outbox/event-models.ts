import type { EventType } from "@switchboard/contracts";
import type { Prisma } from "../generated/prisma/client";
import { toExtensionView, type ExtensionWithUser } from "../views/extension-view";
import { toTrunkView } from "../views/trunk-view";
import { toCallEventData, type CallWithLatestEntry } from "../views/call-view";
import { toExtensionStatusView, toPbxConnectionStatusView, toTrunkStatusView } from "../views/pbx-status-view";
import type { ExtensionStatus, PbxConnection, PbxWebhook, Trunk, TrunkStatus } from "../generated/prisma/client";
import { callEventType, type CallEventType } from "./call-event-type";
import { toTicketEventData, ticketNames, type TicketRow } from "../views/ticket-view";
import { toReplyEventData, replyAuthor, type TicketReplyRow } from "../views/ticket-reply-view";
import { notificationIncludes, toNotificationView, type NotificationRow } from "../views/ticket-notification-view";
import { notificationEventType, ticketEventType, type NotificationEventType, type TicketEventType } from "./ticket-event-type";
import { notEventBearing, type EventBearing, type EventModel, type EventModelRegistry } from "./event-model";
import { jobIncludes, toJobView, type JobRow } from "../views/job-view";
import { toWebhookDeliveryView, toWebhookEndpointView, webhookEndpointIncludes, type WebhookEndpointRow } from "../views/webhook-view";
import type { WebhookDelivery } from "../generated/prisma/client";
import { jobEventType, type JobEventType } from "./job-event-type";
import { toUserEventData, userIncludes, type UserRow } from "../views/user-view";
import { officeIncludes, toOfficeRecord, type OfficeRow } from "../views/office-view";
import { callControlIncludes, toCallControlEventData, type CallControlRow } from "../views/call-control-view";
import { userEventType, type UserEventType } from "./user-event-type";
import type { PauseReason, QueueCaller } from "../generated/prisma/client";
import {
  memberIncludes,
  queueIncludes,
  toPauseReasonView,
  toQueueCallerView,
  toQueueMemberView,
  toQueueView,
  type QueueMemberRow,
  type QueueRow
} from "../views/queue-view";
import { agentEventType, queueCallerEventType, type QueueCallerEventType } from "./queue-event-type";

const orgOf = (row: { organizationId: string }) => row.organizationId;

const extension: EventModel<ExtensionWithUser, "extension.created" | "extension.updated", "extension.deleted"> = {
  kind: "extension",
  include: { user: { select: { name: true } } },
  carry: { user: ["userId"] },
  announce: { created: "extension.created", updated: "extension.updated" },
  deleted: { type: "extension.deleted", label: (row) => `${row.number} ${row.displayName}` },
  orgId: orgOf,
  view: toExtensionView,
  recordChanges: true
};

const trunk: EventModel<Trunk, "trunk.created" | "trunk.updated", "trunk.deleted"> = {
  kind: "trunk",
  announce: { created: "trunk.created", updated: "trunk.updated" },
  deleted: { type: "trunk.deleted", label: (row) => row.name },
  orgId: orgOf,
  view: toTrunkView,
  recordChanges: true
};

/** The newest timeline row rides along, so consoles append it without refetching. */
const latestCallEntry = { events: { orderBy: { id: "desc" }, take: 1 } } as const;

// Deleting calls is retention housekeeping (no `deleted`): consoles age them out themselves.
const call: EventModel<CallWithLatestEntry, CallEventType> = {
  kind: "call",
  include: latestCallEntry,
  announce: { before: latestCallEntry, pick: callEventType },
  orgId: orgOf,
  view: toCallEventData
};

/**
 * Status rows are announced as their extension's / trunk's (or the PBX's) status whenever they are
 * written, whatever changed; their deletion (a cascade) is not.
 */
function statusModel<Row extends { organizationId: string }, T extends EventType>(
  type: T,
  model: Pick<EventModel<Row, T>, "kind" | "subjectId" | "view">
): EventModel<Row, T> {
  return { ...model, announce: { created: type, updated: type }, orgId: orgOf };
}

const extensionStatus = statusModel<ExtensionStatus, "extension.status_changed">("extension.status_changed", {
  kind: "extension",
  subjectId: (row) => row.extensionId,
  view: toExtensionStatusView
});

const trunkStatus = statusModel<TrunkStatus, "trunk.status_changed">("trunk.status_changed", {
  kind: "trunk",
  subjectId: (row) => row.trunkId,
  view: toTrunkStatusView
});

const pbxConnection = statusModel<PbxConnection, "pbx.status_changed">("pbx.status_changed", {
  kind: "pbx_connection",
  view: toPbxConnectionStatusView
});

// Tickets are never deleted by the app (only by cascades, which bypass the hooks).
const ticket: EventModel<TicketRow, TicketEventType> = {
  kind: "ticket",
  // The newest audit row rides along; toTicketEventData keeps it only if this write made it.
  include: { ...ticketNames, activities: { orderBy: { id: "desc" }, take: 1, include: { actor: { select: { name: true } } } } },
  announce: { pick: ticketEventType },
  orgId: orgOf,
  view: toTicketEventData
};

/** Replies are written once and never edited; they are announced on their ticket (subject ticket:{id}), with the ticket's access facts. */
const ticketReply: EventModel<TicketReplyRow, "ticket.reply_created"> = {
  kind: "ticket",
  include: { ...replyAuthor, ticket: { select: { number: true, officeId: true, customerId: true, assigneeId: true, createdById: true } } },
  announce: { created: "ticket.reply_created", updated: null },
  orgId: orgOf,
  subjectId: (row) => row.ticketId,
  view: toReplyEventData
};

const notification: EventModel<NotificationRow, NotificationEventType> = {
  kind: "notification",
  include: notificationIncludes,
  announce: { pick: notificationEventType },
  orgId: orgOf,
  view: toNotificationView
};

/** A job's state and progress; how often progress is written (so announced) is the runner's to throttle. */
const job: EventModel<JobRow, JobEventType> = {
  kind: "job",
  include: jobIncludes,
  announce: { pick: jobEventType },
  orgId: orgOf,
  view: toJobView
};

const webhookEndpoint: EventModel<WebhookEndpointRow, "webhook.created" | "webhook.updated", "webhook.deleted"> = {
  kind: "webhook",
  include: webhookEndpointIncludes,
  announce: { created: "webhook.created", updated: "webhook.updated" },
  deleted: { type: "webhook.deleted", label: (row) => row.url },
  orgId: orgOf,
  view: toWebhookEndpointView
};

/** Delivery log rows are written once; they are announced on their endpoint (subject webhook:{id}). */
const webhookDelivery: EventModel<WebhookDelivery, "webhook.delivery_recorded"> = {
  kind: "webhook",
  announce: { created: "webhook.delivery_recorded", updated: null },
  orgId: orgOf,
  subjectId: (row) => row.endpointId,
  view: toWebhookDeliveryView
};

/**
 * People are deactivated, not deleted (their history stays); only an import that did not finish
 * deletes the people it created (user.deleted, with their last state). Office membership changes
 * are announced as updates of the users concerned (the services touch them), so a realtime node
 * learns of every change of someone's access from their own events, in order.
 */
const user: EventModel<UserRow, UserEventType> = {
  kind: "user",
  include: userIncludes,
  // Memberships are rows of their own: services write them in the user's update or before touching the user.
  carry: { officeMemberships: [] },
  announce: { pick: userEventType },
  deletedWithView: "user.deleted",
  orgId: orgOf,
  view: toUserEventData,
  recordChanges: ["user.updated"]
};

const office: EventModel<OfficeRow, "office.created" | "office.updated", "office.deleted"> = {
  kind: "office",
  include: officeIncludes,
  announce: { created: "office.created", updated: "office.updated" },
  deleted: { type: "office.deleted", label: (row) => row.name },
  orgId: orgOf,
  view: toOfficeRecord,
  recordChanges: true
};

const callControl: EventModel<CallControlRow, "call_control.requested"> = {
  kind: "call",
  include: callControlIncludes,
  announce: { created: "call_control.requested", updated: null },
  orgId: orgOf,
  subjectId: (row) => row.callId,
  view: toCallControlEventData
};

/** Setting up the webhook integration or rotating its secret (admins see it in the activity log); never the secret. */
const pbxWebhook: EventModel<PbxWebhook, "pbx_webhook.created" | "pbx_webhook.rotated"> = {
  kind: "pbx_webhook",
  announce: { created: "pbx_webhook.created", updated: "pbx_webhook.rotated" },
  orgId: orgOf,
  view: (row) => ({ id: row.id, publicId: row.publicId, enabled: row.enabled, secretHint: row.secretHint, updatedAt: row.updatedAt.toISOString() })
};

/** A queue's settings and members; member changes written through the queue are its queue.changed. */
const queue: EventModel<QueueRow, "queue.changed", "queue.deleted"> = {
  kind: "queue",
  include: queueIncludes,
  announce: { created: "queue.changed", updated: "queue.changed" },
  deleted: { type: "queue.deleted", label: (row) => row.name },
  orgId: orgOf,
  view: toQueueView
};

/** An agent's state in one queue. Created and deleted only through the queue (see agentEventType). */
const queueMember: EventModel<QueueMemberRow, "agent.state_changed"> = {
  kind: "queue_member",
  include: memberIncludes,
  carry: { extension: ["extensionId"] },
  announce: { before: memberIncludes, pick: agentEventType },
  orgId: orgOf,
  view: toQueueMemberView
};

/** Callers are their queue's events (subject queue:{id}). */
const queueCaller: EventModel<QueueCaller, QueueCallerEventType> = {
  kind: "queue",
  announce: { pick: queueCallerEventType },
  orgId: orgOf,
  subjectId: (row) => row.queueId,
  view: toQueueCallerView
};

/** The reasons agents pause with: every agent's pause menu follows them. */
const pauseReason: EventModel<PauseReason, "pause_reason.created", "pause_reason.deleted"> = {
  kind: "pause_reason",
  announce: { created: "pause_reason.created", updated: null },
  deleted: { type: "pause_reason.deleted", label: (row) => row.label },
  orgId: orgOf,
  view: toPauseReasonView
};

/**
 * Every Prisma model, keyed by its name as the query extension reports it: a model added to
 * schema.prisma does not compile until it is registered here with its event model or declared
 * silent with the reason. The `satisfies` also checks each event model against its model's row.
 */
export const eventModels = {
  Organization: notEventBearing("organizations are set up once; no console shows them live"),
  User: user,
  UserToken: notEventBearing("one-time links carry secrets; the user's own events say what they did"),
  ApiToken: notEventBearing("tokens are listed to their owner on request and carry secrets"),
  Extension: extension,
  Trunk: trunk,
  LoginThrottle: notEventBearing("sign-in bookkeeping"),
  CannedReply: notEventBearing("prepared answers, read when a composer opens; no console shows them live"),
  TicketRead: notEventBearing("a viewer's own read marks; only that viewer's lists use them, read on load"),
  OrgSequence: notEventBearing("the counter that numbers events (written by these hooks)"),
  OutboxEvent: notEventBearing("the events themselves"),
  Call: call,
  CallEvent: notEventBearing("a call's timeline rows ride along with the call's own events"),
  ExtensionStatus: extensionStatus,
  TrunkStatus: trunkStatus,
  PbxConnection: pbxConnection,
  PbxWebhook: pbxWebhook,
  PbxWebhookDelivery: notEventBearing("webhook delivery bookkeeping"),
  Office: office,
  OfficeMember: notEventBearing("announced as user.updated of each member concerned and office.updated (the services touch both)"),
  TicketSequence: notEventBearing("the counter that numbers tickets"),
  Ticket: ticket,
  TicketReply: ticketReply,
  TicketAttachment: notEventBearing("a reply's files; the reply's own event lists them"),
  TicketActivity: notEventBearing("a ticket's audit rows ride along with the ticket's own events"),
  Notification: notification,
  WebhookEndpoint: webhookEndpoint,
  WebhookDelivery: webhookDelivery,
  Job: job,
  JobFile: notEventBearing("an export's file; its job's events say when it is ready"),
  CallControlAction: callControl,
  Queue: queue,
  QueueMember: queueMember,
  QueueCaller: queueCaller,
  QueueInterval: notEventBearing("outcome counters; consoles count them from the caller events they apply"),
  PauseReason: pauseReason
} satisfies EventModelRegistry;

/** A full row of an event-bearing model, as the hooks load it. */
export type EventRow = { id: string } & Record<string, unknown>;

/**
 * The event model of the Prisma model `name` (as the query extension reports it), or null.
 *
 * The one cast of the hooks: Prisma names the model at run time, so the type system cannot tie the
 * rows its delegate returns to that model's row type. The registry's `satisfies` checked that each
 * entry's event model takes the row of the model it is registered under.
 */
export function eventModelOf(name: string): EventBearing<EventRow> | null {
  if (!Object.hasOwn(eventModels, name)) return null;
  const entry = eventModels[name as Prisma.ModelName];
  return "notEventBearing" in entry ? null : (entry as EventBearing<EventRow>);
}
