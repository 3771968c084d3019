import { z } from "zod";
import { text } from "./text";
import { uuidSchema } from "./common";
import type { EventType } from "../events/domain-events";
import { boundIn } from "./org-day";

/** What the activity log can be filtered by: families of event types. */
export const ACTIVITY_KINDS = ["sign_in", "user", "office", "extension", "trunk", "pbx", "call_control", "ticket"] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS, { error: `kind must be one of: ${ACTIVITY_KINDS.join(", ")}` });
export type ActivityKind = z.infer<typeof activityKindSchema>;

/**
 * The activity kind of an event type, or null for types that are not someone's action (PBX
 * telemetry, a notification being created or read). The activity log lists events with an actor
 * whose type has a kind.
 */
export function activityKindOf(type: EventType | string): ActivityKind | null {
  if (type === "user.signed_in") return "sign_in";
  if (type.startsWith("pbx_webhook.")) return "pbx";
  // Registration and device state come from the PBX, not from a person.
  if (type === "extension.status_changed" || type === "trunk.status_changed") return null;
  const prefix = type.slice(0, type.indexOf("."));
  return (ACTIVITY_KINDS as readonly string[]).includes(prefix) ? (prefix as ActivityKind) : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date filter: a calendar day (the organization's, resolved by the service with boundIn) or an ISO instant. */
export const dayOrInstantSchema = text()
  .trim()
  .refine((v) => (DAY.test(v) ? !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) : !Number.isNaN(Date.parse(v))), "must be a date (YYYY-MM-DD) or an ISO timestamp");

/** Whether `to` may follow `from` (either a day or an instant); UTC is close enough to refuse a reversed range. */
export function inOrder(from: string | undefined, to: string | undefined): boolean {
  return !from || !to || boundIn(from, "start", "UTC") <= boundIn(to, "end", "UTC");
}

const activityFilterShape = {
  actor: uuidSchema.optional().describe("Only what this user did"),
  kind: activityKindSchema.optional(),
  from: dayOrInstantSchema.optional().describe("From this day (the organization's time zone) or instant"),
  to: dayOrInstantSchema.optional().describe("Through this day (the organization's time zone) or instant")
};
const ordered = { path: ["to"], message: "to must not be before from" };

/** The activity log's filters without paging (the CSV export takes every matching entry). */
export const activityFilterSchema = z.strictObject(activityFilterShape).refine((q) => inOrder(q.from, q.to), ordered);

/** Filters and paging of the activity log (newest first); calendar days are the organization's. */
export const activityQuerySchema = z
  .strictObject({
    ...activityFilterShape,
    page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int()
      .min(1, "pageSize must be at least 1")
      .max(500, "pageSize must be at most 500")
      .default(50)
  })
  .refine((q) => inOrder(q.from, q.to), ordered);
export type ActivityQuery = z.output<typeof activityQuerySchema>;
