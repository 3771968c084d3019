import type { EventType } from "@switchboard/contracts";
import { callDescribers } from "@/features/calls/describe-call-event";
import type { CallEventType } from "@/features/calls/live-calls";
import { extensionDescribers } from "@/features/extensions/describe-extension-event";
import type { JobEventType } from "@/features/jobs/apply-job-events";
import { jobDescribers } from "@/features/jobs/describe-job-event";
import type { NotificationEventType } from "@/features/notifications/apply-notification-events";
import { notificationDescribers } from "@/features/notifications/describe-notification-event";
import { pbxDescribers } from "@/features/pbx-settings/describe-pbx-event";
import type { QueueEventType } from "@/features/queues/apply-queue-events";
import { pauseReasonDescribers, queueDescribers } from "@/features/queues/describe-queue-event";
import type { PbxEventType } from "@/features/pbx-settings/live-connection";
import type { EntityChangeType } from "@/features/realtime/apply-entity-events";
import type { EventDescribers } from "@/features/realtime/describe-event";
import type { NoneLeft } from "@/features/realtime/event-types";
import type { StatusEventType } from "@/features/realtime/live-statuses";
import type { TicketEventType } from "@/features/tickets/apply-ticket-events";
import { ticketDescribers } from "@/features/tickets/describe-ticket-event";
import { trunkDescribers } from "@/features/trunks/describe-trunk-event";
import type { WebhookEventType } from "@/features/webhooks/apply-webhook-events";
import { webhookDescribers } from "@/features/webhooks/describe-webhook-event";
import { callControlDescribers, type CallControlEventType } from "@/features/call-control/describe-call-control-event";
import { officeDescribers } from "@/features/offices/describe-office-event";
import { pbxWebhookDescribers, type PbxWebhookEventType } from "@/features/pbx-settings/describe-pbx-webhook-event";
import type { UserEventType } from "@/features/users/apply-user-events";
import { userDescribers } from "@/features/users/describe-user-event";

/*
 * What the console does with each event type, registered by the features that own them. Both
 * registries are exhaustive on purpose: an event type added to contracts fails to compile here until
 * its feature says how it reads as a toast (null: never) and some view patches itself from it —
 * otherwise the console would silently ignore it.
 */

/** Every event type's toast. */
export const eventDescribers = {
  ...extensionDescribers,
  ...trunkDescribers,
  ...callDescribers,
  ...pbxDescribers,
  ...ticketDescribers,
  ...notificationDescribers,
  ...jobDescribers,
  ...webhookDescribers,
  ...userDescribers,
  ...officeDescribers,
  ...callControlDescribers,
  ...pbxWebhookDescribers,
  ...queueDescribers,
  ...pauseReasonDescribers
} satisfies EventDescribers;

/** The event types the console's views apply, by each applier's own list. */
type AppliedEventType =
  | EntityChangeType
  | StatusEventType
  | CallEventType
  | PbxEventType
  | TicketEventType
  | NotificationEventType
  | UserEventType
  // Call control requests and webhook integration changes: the activity log.
  | CallControlEventType
  | PbxWebhookEventType
  | JobEventType
  | WebhookEventType
  | QueueEventType;
// Fails to compile, naming them, while an event type has no applier.
type _EveryEventTypeApplied = NoneLeft<Exclude<EventType, AppliedEventType>>;
