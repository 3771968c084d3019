import type { EventType } from "./domain-events";

/**
 * What each event type's `subject: { kind, id }` names. Replies are their ticket's events and
 * status changes their extension's or trunk's, so a console keyed by subject finds them there; the
 * PBX connection is a subject of its own; callers in a queue are their queue's events, and an agent's
 * state is its queue membership's. Keyed by every event type: a new type does not compile
 * until it names its subject.
 */
type EventSubjectKinds = EveryEventType<{
  "extension.created": "extension";
  "extension.updated": "extension";
  "extension.deleted": "extension";
  "extension.status_changed": "extension";
  "trunk.created": "trunk";
  "trunk.updated": "trunk";
  "trunk.deleted": "trunk";
  "trunk.status_changed": "trunk";
  "call.started": "call";
  "call.ringing": "call";
  "call.answered": "call";
  "call.held": "call";
  "call.resumed": "call";
  "call.transferred": "call";
  "call.ended": "call";
  "call.updated": "call";
  "pbx.status_changed": "pbx_connection";
  "ticket.created": "ticket";
  "ticket.updated": "ticket";
  "ticket.status_changed": "ticket";
  "ticket.assigned": "ticket";
  "ticket.reply_created": "ticket";
  "notification.created": "notification";
  "notification.read": "notification";
  "job.queued": "job";
  "job.progress": "job";
  "job.completed": "job";
  "job.failed": "job";
  "webhook.created": "webhook";
  "webhook.updated": "webhook";
  "webhook.deleted": "webhook";
  "webhook.delivery_recorded": "webhook";
  "user.created": "user";
  "user.updated": "user";
  "user.joined": "user";
  "user.deactivated": "user";
  "user.reactivated": "user";
  "user.signed_in": "user";
  "user.sessions_revoked": "user";
  "user.deleted": "user";
  "office.created": "office";
  "office.updated": "office";
  "office.deleted": "office";
  "call_control.requested": "call";
  "pbx_webhook.created": "pbx_webhook";
  "pbx_webhook.rotated": "pbx_webhook";
  "queue.changed": "queue";
  "queue.deleted": "queue";
  "queue.caller_joined": "queue";
  "queue.caller_left": "queue";
  "queue.caller_abandoned": "queue";
  "agent.state_changed": "queue_member";
  "pause_reason.created": "pause_reason";
  "pause_reason.deleted": "pause_reason";
}>;

export type SubjectKind = EventSubjectKinds[EventType];
export type SubjectKindOf<T extends EventType> = EventSubjectKinds[T];

/** A table keyed by exactly the event types: one missing or left over does not compile. */
type EveryEventType<T extends Record<EventType, string> & Record<Exclude<keyof T, EventType>, never>> = T;
