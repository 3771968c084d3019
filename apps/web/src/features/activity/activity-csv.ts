import { activityKindOf, type DomainEvent } from "@switchboard/contracts";
import { ACTIVITY_KIND_LABELS, describeActivity } from "./describe-activity";

/**
 * One CSV field (RFC 4180): quoted when it holds a separator, quote or line break. A leading
 * =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula (names are typed by users).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function activityCsv(events: readonly DomainEvent[]): string {
  const header = ["time", "person", "kind", "what", "subject", "subject id"];
  const rows = events.map((event) => {
    const kind = activityKindOf(event.type);
    return [event.at, event.actor?.name ?? "", kind ? ACTIVITY_KIND_LABELS[kind] : "", describeActivity(event), event.subject.kind, event.subject.id];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
