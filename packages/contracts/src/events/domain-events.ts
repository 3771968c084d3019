import { z } from "zod";
import { text } from "../domain/text";
import { extensionViewSchema } from "../domain/extension";
import { trunkViewSchema } from "../domain/trunk";
import { fieldChangesSchema } from "../domain/versioned";
import { callEventDataSchema, extensionStatusViewSchema, pbxConnectionStatusViewSchema, trunkStatusViewSchema } from "../domain/call";
import { jobViewSchema } from "../domain/job";
import { webhookDeliveryViewSchema, webhookEndpointViewSchema } from "../domain/webhook";
import type { Envelope } from "./envelope";
import { pauseReasonViewSchema, queueCallerViewSchema, queueMemberViewSchema, queueViewSchema } from "../domain/queue";
import { notificationEventDataSchema, replyEventDataSchema, ticketEventDataSchema } from "./ticket-event-data";
import { userEventDataSchema } from "../domain/user";
import { officeRecordSchema } from "../domain/office";
import { callControlEventDataSchema } from "../domain/call-control";
import { pbxWebhookViewSchema } from "../domain/pbx-integration";

const deletedSchema = z.object({ id: text(), label: text() });

/** An update: the new state, and what changed (absent on events written before changes were recorded). */
const changes = { changes: fieldChangesSchema.optional() };

/** One zod schema per event type for the envelope's `data`. Later features add theirs here. */
const eventDataSchemas = {
  "extension.created": extensionViewSchema,
  "extension.updated": extensionViewSchema.extend(changes),
  "extension.deleted": deletedSchema,
  "trunk.created": trunkViewSchema,
  "trunk.updated": trunkViewSchema.extend(changes),
  "trunk.deleted": deletedSchema,
  "trunk.status_changed": trunkStatusViewSchema,
  "extension.status_changed": extensionStatusViewSchema,
  "call.started": callEventDataSchema,
  "call.ringing": callEventDataSchema,
  "call.answered": callEventDataSchema,
  "call.held": callEventDataSchema,
  "call.resumed": callEventDataSchema,
  "call.transferred": callEventDataSchema,
  "call.ended": callEventDataSchema,
  /** A change to a live call that moves no state (another phone rings, caller name arrives). */
  "call.updated": callEventDataSchema,
  "pbx.status_changed": pbxConnectionStatusViewSchema,
  "ticket.created": ticketEventDataSchema,
  /** A change that moves neither status nor assignee (priority, office). */
  "ticket.updated": ticketEventDataSchema,
  "ticket.status_changed": ticketEventDataSchema,
  /** Assigned, reassigned or unassigned. */
  "ticket.assigned": ticketEventDataSchema,
  "ticket.reply_created": replyEventDataSchema,
  "notification.created": notificationEventDataSchema,
  "notification.read": notificationEventDataSchema,
  /** A bulk job was started; job.progress follows it a few times a second at most. */
  "job.queued": jobViewSchema,
  "job.progress": jobViewSchema,
  "job.completed": jobViewSchema,
  /** Failed, or cancelled (data.state says which). */
  "job.failed": jobViewSchema,
  "webhook.created": webhookEndpointViewSchema,
  /** Changed by an admin, or disabled automatically after failing for too long. */
  "webhook.updated": webhookEndpointViewSchema,
  "webhook.deleted": deletedSchema,
  /** One delivery attempt, as the endpoint's delivery log shows it. */
  "webhook.delivery_recorded": webhookDeliveryViewSchema,
  /** Invited, or a customer account created by staff. */
  "user.created": userEventDataSchema,
  /** Name, role or offices changed. */
  "user.updated": userEventDataSchema.extend(changes),
  /** An invited user accepted the invitation (set their password). */
  "user.joined": userEventDataSchema,
  "user.deactivated": userEventDataSchema,
  "user.reactivated": userEventDataSchema,
  "user.signed_in": userEventDataSchema,
  /** Every session of the user ended: "sign out everywhere", a password change or reset. */
  "user.sessions_revoked": userEventDataSchema,
  /** Removed again by the import that created it (an all-or-nothing import that did not finish); its last state. */
  "user.deleted": userEventDataSchema,
  "office.created": officeRecordSchema,
  /** Renamed or its members changed. */
  "office.updated": officeRecordSchema.extend(changes),
  "office.deleted": deletedSchema,
  "call_control.requested": callControlEventDataSchema,
  /** The PBX webhook integration was set up, or its secret rotated. */
  "pbx_webhook.created": pbxWebhookViewSchema,
  "pbx_webhook.rotated": pbxWebhookViewSchema,
  /** A queue created or changed: its settings and members (with their states) as they are now. */
  "queue.changed": queueViewSchema,
  "queue.deleted": deletedSchema,
  "queue.caller_joined": queueCallerViewSchema,
  /** Answered, or left without abandoning (outcome says which). */
  "queue.caller_left": queueCallerViewSchema,
  "queue.caller_abandoned": queueCallerViewSchema,
  /** A member signed in or out, paused or resumed, rang, took or finished a call. */
  "agent.state_changed": queueMemberViewSchema,
  /** A reason agents may pause with was added or removed (agents paused with it stay paused). */
  "pause_reason.created": pauseReasonViewSchema,
  "pause_reason.deleted": deletedSchema
} as const;

export type EventType = keyof typeof eventDataSchemas;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;
export type DomainEvent = { [T in EventType]: Envelope<T, EventData<T>> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventDataSchemas, type);
}

/** Validates an event's data against its type's schema; throws with the type and the failing path. */
export function parseEventData<T extends EventType>(type: T, data: unknown): EventData<T> {
  const result = eventDataSchemas[type].safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid ${type} data at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "unknown"}`);
  }
  return result.data as EventData<T>;
}
