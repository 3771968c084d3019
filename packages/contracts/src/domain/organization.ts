import { z } from "zod";
import { text } from "./text";
import { slaHoursSchema, type SlaHours } from "./ticket";
import { emailSchema, personNameSchema } from "./user";

/** Whether `zone` is an IANA time zone this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = text({ error: "time zone is required" })
  .trim()
  .min(1, "time zone is required")
  .max(64, "time zone must be at most 64 characters")
  .refine(isTimeZone, "time zone must be an IANA name such as Europe/Berlin or UTC");

export const organizationNameSchema = text({ error: "organization name is required" })
  .trim()
  .min(1, "organization name is required")
  .max(100, "organization name must be at most 100 characters");

/** First run: the organization and its first admin, who signs in with this password. */
export const organizationSetupSchema = z.strictObject({
  organizationName: organizationNameSchema,
  timeZone: timeZoneSchema,
  name: personNameSchema,
  email: emailSchema,
  password: text({ error: "password is required" }).max(200, "password must be at most 200 characters")
});
export type OrganizationSetupInput = z.output<typeof organizationSetupSchema>;

export const organizationUpdateSchema = z
  .strictObject({ name: organizationNameSchema.optional(), timeZone: timeZoneSchema.optional(), slaHours: slaHoursSchema.optional() })
  .refine((v) => v.name !== undefined || v.timeZone !== undefined || v.slaHours !== undefined, {
    message: "nothing to change: send name, timeZone or slaHours",
    path: ["_"]
  });
export type OrganizationUpdateInput = z.output<typeof organizationUpdateSchema>;

export interface OrganizationView {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  /** Tickets' response targets per priority (new tickets and priority changes follow them). */
  slaHours: SlaHours;
}
