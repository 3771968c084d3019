/**
 * "Today" for an organization: the figures of a wallboard, a dashboard or a report count from the
 * start of the organization's day, in the organization's time zone. Every such boundary goes
 * through these functions; which zone an organization uses is answered in one place on the server
 * (`organizationTimeZone` in @switchboard/db).
 */
const DEFAULT_ORG_TIME_ZONE = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time in `timeZone` at the instant `ms`. */
function localParts(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`. */
function offsetMs(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock midnight in `timeZone` happens (DST-aware). */
function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // The offset at midnight may differ from the one a guess lands on (a DST change that day): settle on it.
  let start = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  start = midnightAsUtc - offsetMs(start, timeZone);
  return new Date(start);
}

/** The instant the day containing `at` began, in `timeZone` (local midnight; DST-aware). */
export function startOfOrgDay(at: Date, timeZone: string = DEFAULT_ORG_TIME_ZONE): Date {
  const p = localParts(at.getTime(), timeZone);
  return midnightIn(timeZone, p.year, p.month, p.day);
}

/** The instant the next day begins, in `timeZone`. */
export function startOfNextOrgDay(at: Date, timeZone: string = DEFAULT_ORG_TIME_ZONE): Date {
  const start = startOfOrgDay(at, timeZone);
  // 26 hours past midnight is always within the next day, whatever DST does.
  return startOfOrgDay(new Date(start.getTime() + 26 * 3_600_000), timeZone);
}

export const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * The start of the 15-minute interval containing `at`. Every time zone's offset is a whole number
 * of quarter hours, so these boundaries are the same on every organization's clock.
 */
export function startOfQuarterHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

/** The calendar day (YYYY-MM-DD) that `at` falls on in `timeZone`. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  const p = localParts(at.getTime(), timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The first and last millisecond of the calendar day `day` (YYYY-MM-DD) in `timeZone`. */
export function dayBoundsIn(timeZone: string, day: string): { start: Date; end: Date } {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const end = midnightIn(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  return { start: midnightIn(timeZone, y, m, d), end: new Date(end.getTime() - 1) };
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A filter bound given as a calendar day (YYYY-MM-DD, in `timeZone`) or an ISO instant, as the
 * instant it stands for: a day's first millisecond as a lower bound, its last as an upper one.
 */
export function boundIn(value: string, edge: "start" | "end", timeZone: string): Date {
  if (!CALENDAR_DAY.test(value)) return new Date(value);
  const day = dayBoundsIn(timeZone, value);
  return edge === "start" ? day.start : day.end;
}
