import { z } from "zod";
import { text } from "./text";
import { EVENT_TYPES, type EventType } from "../events/domain-events";

/**
 * Event types a webhook may subscribe to: every domain event of the organization except the
 * webhooks' own (a delivery would announce itself, forever) and personal notifications (which an
 * organization-wide endpoint never sees).
 */
export const WEBHOOK_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((t) => !t.startsWith("webhook.") && !t.startsWith("notification."));
const deliverable: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export function isWebhookEventType(type: string): boolean {
  return deliverable.has(type);
}

const WEBHOOK_URL_MAX = 2000;

const urlSchema = text({ error: "URL is required" })
  .trim()
  .min(1, "URL is required")
  .max(WEBHOOK_URL_MAX, `URL must be at most ${WEBHOOK_URL_MAX} characters`)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "URL must be an absolute http:// or https:// URL without a user name or password");

const eventTypesSchema = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z
    .array(text(), { error: "event types must be a list" })
    .max(WEBHOOK_EVENT_TYPES.length)
    .superRefine((list, ctx) => {
      const unknown = list.filter((t) => !deliverable.has(t));
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `unknown event types: ${unknown.join(", ")}` });
      if (new Set(list).size !== list.length) ctx.addIssue({ code: "custom", message: "event types must not repeat" });
    })
);

const descriptionSchema = text().trim().max(200, "description must be at most 200 characters");

/** Creating an endpoint. No event types means every type. */
export const webhookCreateSchema = z.strictObject({
  url: urlSchema,
  description: descriptionSchema.default(""),
  eventTypes: eventTypesSchema.default([]),
  enabled: z.boolean({ error: "enabled must be true or false" }).default(true)
});
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

/** Changing an endpoint; `version` (optional) refuses the change if someone saved in between. */
export const webhookUpdateSchema = z.strictObject({
  url: urlSchema.optional(),
  description: descriptionSchema.optional(),
  eventTypes: eventTypesSchema.optional(),
  enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
  version: z.number().int().positive().optional()
});
export type WebhookUpdateInput = z.infer<typeof webhookUpdateSchema>;
