import { z } from "zod";
import { text } from "./text";
import { expectedVersionField } from "./versioned";

/**
 * Canned replies: an organization's prepared answers. Their bodies may hold placeholders such as
 * {{customer.name}}, filled in from the ticket when an agent inserts one into the composer.
 */
export const CANNED_PLACEHOLDERS = ["customer.name", "ticket.number", "ticket.subject", "agent.name"] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];
export type CannedValues = Record<CannedPlaceholder, string>;

const CANNED_NAME_MAX = 80;
const CANNED_BODY_MAX = 10_000;
// Linear: the inner class cannot match a brace, so there is nothing to backtrack over.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isKnown(name: string): name is CannedPlaceholder {
  return (CANNED_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholders in a body that are not among CANNED_PLACEHOLDERS, each once, in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  const unknown: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isKnown(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** The body with each known placeholder replaced by its value; anything else is left as written. */
export function renderCannedReply(body: string, values: CannedValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (isKnown(name) ? values[name] : whole));
}

function unknownMessage(unknown: string[]): string {
  const names = unknown.map((n) => `{{${n}}}`).join(", ");
  return `unknown placeholder${unknown.length > 1 ? "s" : ""} ${names}; use ${CANNED_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`;
}

const cannedFields = {
  name: text({ error: "name is required" }).trim().min(1, "name is required").max(CANNED_NAME_MAX, `name must be at most ${CANNED_NAME_MAX} characters`),
  body: text({ error: "text is required" })
    .trim()
    .min(1, "text is required")
    .max(CANNED_BODY_MAX, `text must be at most ${CANNED_BODY_MAX} characters`)
    .superRefine((body, ctx) => {
      const unknown = unknownPlaceholders(body);
      if (unknown.length) ctx.addIssue({ code: "custom", message: unknownMessage(unknown) });
    })
};

export const cannedReplyCreateSchema = z.strictObject(cannedFields);
export type CannedReplyCreateInput = z.infer<typeof cannedReplyCreateSchema>;

export const cannedReplyUpdateSchema = z.strictObject({ ...cannedFields, ...expectedVersionField });
export type CannedReplyUpdateInput = z.infer<typeof cannedReplyUpdateSchema>;

export const cannedReplyViewSchema = z.object({
  id: text(),
  name: text(),
  body: text(),
  version: z.number().int(),
  updatedAt: text()
});
export type CannedReplyView = z.infer<typeof cannedReplyViewSchema>;
