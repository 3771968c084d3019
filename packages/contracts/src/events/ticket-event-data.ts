import { z } from "zod";
import { text } from "../domain/text";
import { customerTicketViewSchema, notificationViewSchema, staffTicketViewSchema, ticketActivityViewSchema, ticketReplyViewSchema } from "../domain/ticket";

/**
 * Data of ticket.created / updated / status_changed / assigned: the ticket's new state plus the
 * audit row this change wrote (null when it wrote none). Events are stored in the staff form, which
 * carries what the policy filter needs (officeId, customerId, assigneeId, the activity's previous
 * value); viewEventFor hands customers the reduced "customer" form, and staff who just lost sight
 * of the ticket (moved to another office, reassigned) a "hidden" marker so they drop it.
 */
const staffTicketEventDataSchema = staffTicketViewSchema.extend({ activity: ticketActivityViewSchema.nullable() });
const customerTicketEventDataSchema = customerTicketViewSchema.extend({ activity: ticketActivityViewSchema.nullable() });
const hiddenTicketEventDataSchema = z.object({ view: z.literal("hidden"), id: text(), publicId: text() });
export const ticketEventDataSchema = z.discriminatedUnion("view", [staffTicketEventDataSchema, customerTicketEventDataSchema, hiddenTicketEventDataSchema]);
export type StaffTicketEventData = z.infer<typeof staffTicketEventDataSchema>;

/** Data of ticket.reply_created: the reply plus the ticket facts the policy filter needs. */
const staffReplyEventDataSchema = ticketReplyViewSchema.extend({
  view: z.literal("staff"),
  ticketPublicId: text(),
  ticketOfficeId: text().nullable(),
  ticketCustomerId: text(),
  ticketAssigneeId: text().nullable(),
  ticketCreatedById: text()
});
const customerReplyEventDataSchema = ticketReplyViewSchema.extend({
  view: z.literal("customer"),
  ticketPublicId: text(),
  ticketCustomerId: text()
});
export const replyEventDataSchema = z.discriminatedUnion("view", [staffReplyEventDataSchema, customerReplyEventDataSchema]);
export type StaffReplyEventData = z.infer<typeof staffReplyEventDataSchema>;

/** notification.created / notification.read: the inbox entry; only its recipient receives it. */
export const notificationEventDataSchema = notificationViewSchema;
