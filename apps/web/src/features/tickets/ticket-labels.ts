import type { TicketActivityView, TicketPriority, TicketStatus } from "@switchboard/contracts";

export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: "Open",
  pending: "Pending",
  on_hold: "On hold",
  resolved: "Resolved",
  closed: "Closed"
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };

export type Tone = "neutral" | "success" | "warning" | "danger" | "info";

export const STATUS_TONES: Record<TicketStatus, Tone> = { open: "info", pending: "warning", on_hold: "neutral", resolved: "success", closed: "neutral" };
export const PRIORITY_TONES: Record<TicketPriority, Tone> = { low: "neutral", normal: "info", high: "warning", urgent: "danger" };

function valueLabel(activity: TicketActivityView, which: "from" | "to"): string {
  const raw = which === "from" ? activity.from : activity.to;
  const label = which === "from" ? activity.fromLabel : activity.toLabel;
  if (raw === null) return "nobody";
  if (activity.kind === "status_changed") return STATUS_LABELS[raw as TicketStatus] ?? raw;
  if (activity.kind === "priority_changed") return PRIORITY_LABELS[raw as TicketPriority] ?? raw;
  return label ?? raw;
}

/** One line of the activity trail: "Ana Agent changed the status from Open to Resolved". */
export function describeActivity(activity: TicketActivityView): string {
  const who = activity.actorName ?? "The system";
  switch (activity.kind) {
    case "created":
      return `${who} opened the ticket`;
    case "status_changed":
      return `${who} changed the status from ${valueLabel(activity, "from")} to ${valueLabel(activity, "to")}`;
    case "priority_changed":
      return `${who} changed the priority from ${valueLabel(activity, "from")} to ${valueLabel(activity, "to")}`;
    case "assigned":
      return activity.to === null ? `${who} unassigned the ticket` : `${who} assigned the ticket to ${valueLabel(activity, "to")}`;
    case "office_changed":
      return activity.to === null ? `${who} removed the ticket from its office` : `${who} moved the ticket to ${valueLabel(activity, "to")}`;
  }
}
