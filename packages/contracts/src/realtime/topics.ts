import { z } from "zod";
import { text } from "../domain/text";
import type { DomainEvent, EventType } from "../events/domain-events";

/**
 * What a console's page shows, as the topics it subscribes to: the node sends a socket only the
 * events of its topics (and, as always, only what the policy lets its user see). A family is every
 * event of one kind of thing; `ticket:<id>` is one ticket's events, replies included, for a page
 * that shows that ticket and not the list. `presence` (who is online) carries no events: holding it
 * brings presence:snapshot, then presence:changed, so only a page that shows who is online pays for
 * the list (at most a page of members, and a count).
 */
export const TOPIC_FAMILIES = [
  "calls",
  "extensions",
  "trunks",
  "pbx",
  "tickets",
  "notifications",
  "jobs",
  "webhooks",
  "users",
  "offices",
  "queues",
  "presence"
] as const;
export type TopicFamily = (typeof TOPIC_FAMILIES)[number];
export type Topic = TopicFamily | `ticket:${string}`;

/** The family of each event type. Keyed by every event type: a new type does not compile until it names one. */
const familyOfType = {
  "extension.created": "extensions",
  "extension.updated": "extensions",
  "extension.deleted": "extensions",
  "extension.status_changed": "extensions",
  "trunk.created": "trunks",
  "trunk.updated": "trunks",
  "trunk.deleted": "trunks",
  "trunk.status_changed": "trunks",
  "call.started": "calls",
  "call.ringing": "calls",
  "call.answered": "calls",
  "call.held": "calls",
  "call.resumed": "calls",
  "call.transferred": "calls",
  "call.ended": "calls",
  "call.updated": "calls",
  "call_control.requested": "calls",
  "pbx.status_changed": "pbx",
  "pbx_webhook.created": "pbx",
  "pbx_webhook.rotated": "pbx",
  "ticket.created": "tickets",
  "ticket.updated": "tickets",
  "ticket.status_changed": "tickets",
  "ticket.assigned": "tickets",
  "ticket.reply_created": "tickets",
  "notification.created": "notifications",
  "notification.read": "notifications",
  "job.queued": "jobs",
  "job.progress": "jobs",
  "job.completed": "jobs",
  "job.failed": "jobs",
  "webhook.created": "webhooks",
  "webhook.updated": "webhooks",
  "webhook.deleted": "webhooks",
  "webhook.delivery_recorded": "webhooks",
  "user.created": "users",
  "user.updated": "users",
  "user.joined": "users",
  "user.deactivated": "users",
  "user.reactivated": "users",
  "user.signed_in": "users",
  "user.sessions_revoked": "users",
  "user.deleted": "users",
  "office.created": "offices",
  "office.updated": "offices",
  "office.deleted": "offices",
  "queue.changed": "queues",
  "queue.deleted": "queues",
  "queue.caller_joined": "queues",
  "queue.caller_left": "queues",
  "queue.caller_abandoned": "queues",
  "agent.state_changed": "queues",
  "pause_reason.created": "queues",
  "pause_reason.deleted": "queues"
} as const satisfies Record<EventType, TopicFamily>;

export type FamilyOf<T extends EventType> = (typeof familyOfType)[T];

export function familyOfEvent(type: EventType): TopicFamily {
  return familyOfType[type];
}

/** The event types of a family (e.g. for a view that applies everything of its topics). */
export function eventTypesOf(family: TopicFamily): EventType[] {
  return (Object.keys(familyOfType) as EventType[]).filter((type) => familyOfType[type] === family);
}

/** Families whose events the log holds: every family but presence. A replay or backfill needs no other. */
export function carriesEvents(topic: Topic): boolean {
  return topic !== "presence";
}

export function ticketTopic(ticketId: string): Topic {
  return `ticket:${ticketId}`;
}

/** Whether a socket subscribed to `topics` receives the event (before the policy decides what it may see of it). */
export function topicsMatch(topics: ReadonlySet<string>, event: Pick<DomainEvent, "type" | "subject">): boolean {
  const family = familyOfType[event.type];
  if (topics.has(family)) return true;
  // Replies and ticket changes all name their ticket as the subject.
  return family === "tickets" && topics.has(`ticket:${event.subject.id}`);
}

const TICKET_TOPIC = /^ticket:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const families: ReadonlySet<string> = new Set(TOPIC_FAMILIES);

export function isTopic(value: string): value is Topic {
  return families.has(value) || TICKET_TOPIC.test(value);
}

export const topicSchema = text()
  .max(80)
  .refine(isTopic, { message: `a topic is one of ${TOPIC_FAMILIES.join(", ")} or ticket:<ticket id>` })
  .transform((value) => value as Topic);

/** Most topics one socket holds at once (each ticket topic is checked against the database). */
export const MAX_TOPICS_PER_SOCKET = 40;

const topicList = z
  .array(topicSchema)
  .min(1)
  .max(MAX_TOPICS_PER_SOCKET)
  .transform((list) => [...new Set(list)]);

/**
 * Subscribes to `topics` for a page whose snapshot was read at `since`: the node sends every
 * event of the newly added topics after `since` (as `sync:page`s, before any later live event),
 * then them live. Topics already held keep their place.
 */
export const topicsSubscribeSchema = z.strictObject({ topics: topicList, since: z.number().int().nonnegative() });
export type TopicsSubscribe = z.infer<typeof topicsSubscribeSchema>;

export const topicsUnsubscribeSchema = z.strictObject({ topics: topicList });
export type TopicsUnsubscribe = z.infer<typeof topicsUnsubscribeSchema>;

/**
 * The outcome of a subscription: every topic the socket now holds, and `seq`, where the socket
 * stands in the stream (every event of every held topic up to it was sent). `backfilled` false:
 * the log no longer holds the events after `since`, so the new topics are complete only from
 * `seq` on and a page read before that refetches.
 */
export interface TopicsSubscribed {
  topics: Topic[];
  seq: number;
  backfilled: boolean;
}

/**
 * The handshake's topics, each with the seq its replay starts after (a topic the console held
 * when it lost the connection starts at `lastSeq`; one it was still subscribing to, at that page's
 * snapshot). Absent: every family the user may read, from `lastSeq`.
 */
export const handshakeTopicsSchema = z
  .record(text().max(80), z.number().int().nonnegative())
  .refine((record) => Object.keys(record).length <= MAX_TOPICS_PER_SOCKET, { message: `at most ${MAX_TOPICS_PER_SOCKET} topics` })
  .refine((record) => Object.keys(record).every(isTopic), { message: `a topic is one of ${TOPIC_FAMILIES.join(", ")} or ticket:<ticket id>` })
  .transform((record) => record as Partial<Record<Topic, number>>);
