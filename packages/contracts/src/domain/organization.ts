import { z } from "zod";
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

export const timeZoneSchema = z
  .string({ error: "time zone is required" })
  .trim()
  .min(1, "time zone is required")
  .max(64, "time zone must be at most 64 characters")
  .refine(isTimeZone, "time zone must be an IANA name such as Europe/Berlin or UTC");

export const organizationNameSchema = z
  .string({ error: "organization name is required" })
  .trim()
  .min(1, "organization name is required")
  .max(100, "organization name must be at most 100 characters");

/** First run: the organization and its first admin, who signs in with this password. */
export const organizationSetupSchema = z.strictObject({
  organizationName: organizationNameSchema,
  timeZone: timeZoneSchema,
  name: personNameSchema,
  email: emailSchema,
  password: z.string({ error: "password is required" }).max(200, "password must be at most 200 characters")
});
export type OrganizationSetupInput = z.output<typeof organizationSetupSchema>;

export const organizationUpdateSchema = z
  .strictObject({ name: organizationNameSchema.optional(), timeZone: timeZoneSchema.optional() })
  .refine((v) => v.name !== undefined || v.timeZone !== undefined, { message: "nothing to change: send name or timeZone", path: ["_"] });
export type OrganizationUpdateInput = z.output<typeof organizationUpdateSchema>;

export interface OrganizationView {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
}

/** The offset of `zone` from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffsetMs(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit"
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time in `zone` happens (the earlier one when a clock change repeats it). */
function zonedInstant(zone: string, year: number, month: number, day: number): Date {
  const guess = Date.UTC(year, month - 1, day);
  // Two rounds settle the offset even when midnight sits next to a clock change.
  let instant = guess - zoneOffsetMs(zone, new Date(guess));
  instant = guess - zoneOffsetMs(zone, new Date(instant));
  return new Date(instant);
}

/** The calendar day (YYYY-MM-DD) that `at` falls on in `zone`. */
export function dayIn(zone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The first and last millisecond of the calendar day `day` (YYYY-MM-DD) in `zone`. */
export function dayBoundsIn(zone: string, day: string): { start: Date; end: Date } {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const start = zonedInstant(zone, y, m, d);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const end = zonedInstant(zone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  return { start, end: new Date(end.getTime() - 1) };
}

/** When today began in `zone` (the organization's "today" for figures). */
export function startOfDayIn(zone: string, now: Date = new Date()): Date {
  return dayBoundsIn(zone, dayIn(zone, now)).start;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A filter bound given as a calendar day (YYYY-MM-DD, in `zone`) or an ISO instant, as the instant
 * it stands for: a day's first millisecond as a lower bound, its last as an upper one.
 */
export function boundIn(value: string, edge: "start" | "end", zone: string): Date {
  if (!CALENDAR_DAY.test(value)) return new Date(value);
  const day = dayBoundsIn(zone, value);
  return edge === "start" ? day.start : day.end;
}
