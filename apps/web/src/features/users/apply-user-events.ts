import type { DomainEvent, Role, UserStatus, UserView } from "@switchboard/contracts";
import type { EventFamily } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

/** The event types the team pages apply. */
export type UserEventType = EventFamily<"user">;
export const USER_TOPICS = familiesFor<UserEventType>()(["users"]);

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: UserStatus;
}

function isUserEvent(event: DomainEvent): event is Extract<DomainEvent, { type: UserEventType }> {
  return event.type.startsWith("user.");
}

function matchesUserFilter(user: UserView, filter: UserFilter): boolean {
  if (filter.role && user.role !== filter.role) return false;
  if (filter.status && user.status !== filter.status) return false;
  const q = filter.q?.trim().toLowerCase();
  return !q || user.name.toLowerCase().includes(q) || user.email.toLowerCase().includes(q);
}

/** An event's user as the list shows it (consoles never get the session version). */
function viewOf(data: UserView & { sessionVersion?: number }): UserView {
  const { sessionVersion: _sessionVersion, ...view } = data;
  return view;
}

/**
 * Patches the users list with the events since its snapshot: a changed user is replaced in place
 * (and leaves the list when it no longer matches the filters, or was deleted), a new one matching
 * them is added on top when `addNew` (the first page).
 */
export function applyUserEvents(rows: readonly UserView[], events: readonly DomainEvent[], filter: UserFilter, addNew: boolean): UserView[] {
  const relevant = events.filter(isUserEvent);
  if (relevant.length === 0) return rows as UserView[];
  let out = [...rows];
  for (const event of relevant) {
    const user = viewOf(event.data);
    const at = out.findIndex((row) => row.id === user.id);
    const matches = event.type !== "user.deleted" && matchesUserFilter(user, filter);
    if (at >= 0) out = matches ? out.map((row, i) => (i === at ? user : row)) : out.filter((_, i) => i !== at);
    else if (matches && addNew && event.type === "user.created") out = [user, ...out];
  }
  return out;
}

/** One user's page: their latest state from their own events. */
export function applyToUser(user: UserView, events: readonly DomainEvent[]): UserView {
  let current = user;
  for (const event of events) if (isUserEvent(event) && event.data.id === user.id) current = viewOf(event.data);
  return current;
}
