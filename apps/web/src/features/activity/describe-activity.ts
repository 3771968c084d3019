import { activityKindOf, type ActivityKind, type DomainEvent } from "@switchboard/contracts";
import { describeCallControl } from "@/features/call-control/describe-call-control-event";
import { actorName, describeEvent } from "@/features/realtime/describe-event";
import { eventDescribers } from "@/features/shell/console-events";
import { describeUserActivity } from "@/features/users/describe-user-event";

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  sign_in: "Sign-ins",
  user: "People",
  office: "Offices",
  extension: "Extensions",
  trunk: "Trunks",
  pbx: "PBX integration",
  call_control: "Call control",
  ticket: "Tickets"
};

/** One line of the activity log: the console's own wording where it has one, else the log's. */
export function describeActivity(event: DomainEvent): string {
  switch (event.type) {
    case "call_control.requested":
      return describeCallControl(event);
    case "user.signed_in":
    case "user.sessions_revoked":
      return describeUserActivity(event) ?? `${actorName(event)} ${event.type}`;
    case "pbx.status_changed":
      return `${actorName(event)} changed the PBX connection settings`;
    default:
      return describeEvent(eventDescribers, event) ?? `${actorName(event)} ${event.type.replace(/[._]/g, " ")}`;
  }
}

/** The log's filter as the console matches live events against it (instants already resolved in the organization's zone). */
export interface ActivityFilter {
  actor?: string;
  kind?: ActivityKind;
  fromMs?: number;
  toMs?: number;
}

function isActivity(event: DomainEvent, filter: ActivityFilter): boolean {
  const kind = activityKindOf(event.type);
  if (!event.actor || !kind) return false;
  if (filter.kind && kind !== filter.kind) return false;
  if (filter.actor && event.actor.id !== filter.actor) return false;
  const at = Date.parse(event.at);
  return !(filter.fromMs !== undefined && at < filter.fromMs) && !(filter.toMs !== undefined && at > filter.toMs);
}

/** The log's first page with what happened since its snapshot on top (newest first, each once). */
export function applyActivityEvents(rows: readonly DomainEvent[], events: readonly DomainEvent[], filter: ActivityFilter, addNew: boolean): DomainEvent[] {
  if (!addNew) return rows as DomainEvent[];
  const known = new Set(rows.map((row) => row.id));
  const fresh = events.filter((event) => !known.has(event.id) && isActivity(event, filter)).reverse();
  return fresh.length ? [...fresh, ...rows] : (rows as DomainEvent[]);
}
