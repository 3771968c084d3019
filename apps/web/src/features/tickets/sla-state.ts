import type { TicketStatus } from "@switchboard/contracts";

/** The statuses in which a ticket's SLA runs: it waits for an answer (the server's overdue filter agrees). */
const SLA_RUNNING: readonly TicketStatus[] = ["open", "pending"];
/** At risk once less than this share of the window, or less than an hour, remains. */
const AT_RISK_SHARE = 0.25;
const AT_RISK_MS = 3_600_000;

export type SlaTone = "on_track" | "at_risk" | "overdue";

export interface SlaState {
  tone: SlaTone;
  /** "due in 2h 10m", "due in 45m · at risk", "overdue by 12m": the words carry the state, not only the colour. */
  text: string;
}

export function isOverdue(slaDueAt: string, status: TicketStatus, now: number): boolean {
  return SLA_RUNNING.includes(status) && Date.parse(slaDueAt) < now;
}

/** "3d 4h", "2h 10m", "12m", "less than a minute" (whole minutes, rounded down). */
export function formatSlaDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return "less than a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${rest}m`;
  return `${rest}m`;
}

/** Where a ticket stands against its SLA at `now`; null while the SLA does not run (on hold, resolved, closed). */
export function slaStateOf(ticket: { createdAt: string; slaDueAt: string; status: TicketStatus }, now: number): SlaState | null {
  if (!SLA_RUNNING.includes(ticket.status)) return null;
  const due = Date.parse(ticket.slaDueAt);
  const left = due - now;
  if (left <= 0) return { tone: "overdue", text: `overdue by ${formatSlaDuration(left)}` };
  const window = Math.max(0, due - Date.parse(ticket.createdAt));
  const atRisk = left < AT_RISK_MS || left < window * AT_RISK_SHARE;
  return atRisk ? { tone: "at_risk", text: `due in ${formatSlaDuration(left)} · at risk` } : { tone: "on_track", text: `due in ${formatSlaDuration(left)}` };
}
