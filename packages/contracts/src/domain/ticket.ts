import { z } from "zod";
import { attachmentListSchema, attachmentUploadSchema, attachmentViewSchema, type AttachmentUpload } from "./ticket-attachment";
import { text } from "./text";
import { expectedVersionField } from "./versioned";

export const TICKET_STATUSES = ["open", "pending", "on_hold", "resolved", "closed"] as const;
const ticketStatusSchema = z.enum(TICKET_STATUSES, { error: `status must be one of: ${TICKET_STATUSES.join(", ")}` });
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** In rising urgency. */
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const ticketPrioritySchema = z.enum(TICKET_PRIORITIES, { error: `priority must be one of: ${TICKET_PRIORITIES.join(", ")}` });
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;

/** Response time per priority: a ticket's SLA is due this many hours after it was opened. */
export type SlaHours = Record<TicketPriority, number>;

/** An organization's targets until an admin sets its own. */
export const DEFAULT_SLA_HOURS: Readonly<SlaHours> = { urgent: 4, high: 8, normal: 24, low: 72 };

/** Ninety days: a target beyond that is no longer a response time. */
const MAX_SLA_HOURS = 2160;

const slaHour = (priority: TicketPriority) =>
  z.coerce
    .number({ error: `${priority} target must be a number of hours` })
    .int(`${priority} target must be whole hours`)
    .min(1, `${priority} target must be 1–${MAX_SLA_HOURS} hours`)
    .max(MAX_SLA_HOURS, `${priority} target must be 1–${MAX_SLA_HOURS} hours`);

/** Priorities from the most urgent down (the order response targets are set and checked in). */
export const PRIORITIES_MOST_URGENT_FIRST: readonly TicketPriority[] = [...TICKET_PRIORITIES].reverse();

/** The targets of every priority, each no longer than the one of the priority below it. */
export const slaHoursSchema = z
  .strictObject({ urgent: slaHour("urgent"), high: slaHour("high"), normal: slaHour("normal"), low: slaHour("low") })
  .superRefine((hours, ctx) => {
    PRIORITIES_MOST_URGENT_FIRST.slice(0, -1).forEach((priority, i) => {
      const lower = PRIORITIES_MOST_URGENT_FIRST[i + 1];
      if (lower && hours[priority] > hours[lower])
        ctx.addIssue({ code: "custom", path: [priority], message: `${priority} target must not be longer than ${lower}'s (${hours[lower]} h)` });
    });
  });

export function slaDueAt(createdAt: Date, priority: TicketPriority, hours: Readonly<SlaHours> = DEFAULT_SLA_HOURS): Date {
  return new Date(createdAt.getTime() + hours[priority] * 3_600_000);
}

const TICKET_ACTIVITY_KINDS = ["created", "status_changed", "priority_changed", "assigned", "office_changed"] as const;

const NOTIFICATION_KINDS = ["assignment", "reply", "mention", "webhook_disabled"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** "T-1042" for ticket number 1042. */
export function ticketPublicId(number: number): string {
  return `T-${number}`;
}

const TICKET_SUBJECT_MAX = 200;
const TICKET_BODY_MAX = 20_000;
const REPLY_BODY_MAX = 10_000;

const isoDate = text();
const optionalId = (what: string) => z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: `${what} must be a valid id` }).nullable());

/**
 * Opening a ticket. Customers give subject, body, category and optionally an office; the staff-only
 * fields (priority, assignee, customer to open it for, linked call) are refused for them by policy.
 */
export const ticketCreateSchema = z.strictObject({
  subject: text({ error: "subject is required" })
    .trim()
    .min(1, "subject is required")
    .max(TICKET_SUBJECT_MAX, `subject must be at most ${TICKET_SUBJECT_MAX} characters`),
  body: text({ error: "description is required" })
    .trim()
    .min(1, "description is required")
    .max(TICKET_BODY_MAX, `description must be at most ${TICKET_BODY_MAX} characters`),
  category: z.preprocess((v) => (v === "" ? null : v), text().trim().max(60, "category must be at most 60 characters").nullable()).optional(),
  officeId: optionalId("office").optional(),
  priority: ticketPrioritySchema.optional(),
  assigneeId: optionalId("assignee").optional(),
  customerId: z.uuid({ error: "customer must be a valid id" }).optional(),
  callId: optionalId("call").optional(),
  attachments: attachmentListSchema(attachmentUploadSchema).default([])
});
/** What the service takes (files optional: a ticket opened by code often has none). */
export type TicketCreateInput = Omit<z.infer<typeof ticketCreateSchema>, "attachments"> & { attachments?: AttachmentUpload[] };

/** The fields only staff may set when opening a ticket. */
export const STAFF_ONLY_CREATE_FIELDS = ["priority", "assigneeId", "customerId", "callId"] as const;

/**
 * A change to a ticket: each present field is one change, checked and recorded on its own;
 * `version` (optional) is the version the change is based on.
 */
export const ticketChangeSchema = z.strictObject({
  status: ticketStatusSchema.optional(),
  priority: ticketPrioritySchema.optional(),
  officeId: optionalId("office").optional(),
  assigneeId: optionalId("assignee").optional(),
  ...expectedVersionField
});
export type TicketChangeInput = z.infer<typeof ticketChangeSchema>;

export const replyCreateSchema = z.strictObject({
  body: text({ error: "reply is required" }).trim().min(1, "reply must not be empty").max(REPLY_BODY_MAX, `reply must be at most ${REPLY_BODY_MAX} characters`),
  internal: z.boolean({ error: "internal must be true or false" }).default(false),
  attachments: attachmentListSchema(attachmentUploadSchema).default([])
});
export type ReplyCreateInput = z.infer<typeof replyCreateSchema>;

/** A ticket as staff see it (pages, REST, events). `view` tells it from the customer's copy. */
export const staffTicketViewSchema = z.object({
  view: z.literal("staff"),
  id: text(),
  number: z.number().int(),
  publicId: text(),
  subject: text(),
  body: text(),
  status: ticketStatusSchema,
  priority: ticketPrioritySchema,
  category: text().nullable(),
  customerId: text(),
  customerName: text(),
  createdById: text(),
  createdByName: text(),
  assigneeId: text().nullable(),
  assigneeName: text().nullable(),
  officeId: text().nullable(),
  officeName: text().nullable(),
  callId: text().nullable(),
  slaDueAt: isoDate,
  resolvedAt: isoDate.nullable(),
  closedAt: isoDate.nullable(),
  /** Bumped by every change (see versioned.ts); a console ignores an event older than what it shows. */
  version: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
  /** The customer's latest reply (null: none yet); newer than a staff member's last visit means unread for them. */
  lastCustomerReplyAt: isoDate.nullable(),
  /** The files sent with the description. */
  attachments: z.array(attachmentViewSchema)
});
export type StaffTicketView = z.infer<typeof staffTicketViewSchema>;

/**
 * What a customer sees of their own ticket: no assignee, office, priority, SLA, linked call, nor the
 * version (its jumps would count the internal changes).
 */
export const customerTicketViewSchema = z.object({
  view: z.literal("customer"),
  id: text(),
  number: z.number().int(),
  publicId: text(),
  subject: text(),
  body: text(),
  status: ticketStatusSchema,
  category: text().nullable(),
  customerId: text(),
  customerName: text(),
  resolvedAt: isoDate.nullable(),
  closedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  attachments: z.array(attachmentViewSchema)
});
export type CustomerTicketView = z.infer<typeof customerTicketViewSchema>;

export const ticketViewSchema = z.discriminatedUnion("view", [staffTicketViewSchema, customerTicketViewSchema]);
export type TicketView = z.infer<typeof ticketViewSchema>;

export const ticketReplyViewSchema = z.object({
  id: text(),
  ticketId: text(),
  authorId: text(),
  authorName: text(),
  /** Whether the author is staff (the conversation tells the two sides apart). */
  authorIsStaff: z.boolean(),
  body: text(),
  internal: z.boolean(),
  attachments: z.array(attachmentViewSchema),
  createdAt: isoDate
});
export type TicketReplyView = z.infer<typeof ticketReplyViewSchema>;

export const ticketActivityViewSchema = z.object({
  id: text(),
  ticketId: text(),
  kind: z.enum(TICKET_ACTIVITY_KINDS),
  actorId: text().nullable(),
  actorName: text().nullable(),
  /** Previous / new value: a status, a priority, a user id or an office id (null = none). */
  from: text().nullable(),
  to: text().nullable(),
  fromLabel: text().nullable(),
  toLabel: text().nullable(),
  internal: z.boolean(),
  createdAt: isoDate
});
export type TicketActivityView = z.infer<typeof ticketActivityViewSchema>;

/** getTicket: the ticket with the replies and the activity trail the viewer may see, oldest first. */
export interface TicketDetail {
  ticket: TicketView;
  replies: TicketReplyView[];
  activity: TicketActivityView[];
}

export const officeViewSchema = z.object({ id: text(), name: text(), memberIds: z.array(text()) });
export type OfficeView = z.infer<typeof officeViewSchema>;

export const notificationViewSchema = z.object({
  id: text(),
  userId: text(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The ticket it is about; null for kinds about something else (webhook_disabled). */
  ticketId: text().nullable(),
  /** Where the entry leads in the console. */
  link: text(),
  ticketPublicId: text(),
  ticketSubject: text(),
  actorId: text().nullable(),
  actorName: text().nullable(),
  excerpt: text(),
  readAt: isoDate.nullable(),
  createdAt: isoDate
});
export type NotificationView = z.infer<typeof notificationViewSchema>;
