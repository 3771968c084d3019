import { actorName, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily, EventOf } from "@/features/realtime/event-types";
import { roleLabel } from "@/features/shell/role-label";

type UserEvent = EventOf<EventFamily<"user">>;

const bySelf = (event: UserEvent) => event.actor?.id === event.data.id;

/** "Ada Admin invited Nia New as agent", "Sam Supervisor deactivated Bo Agent". Sign-ins and ended sessions never toast. */
export const userDescribers = {
  "user.created": (event) => {
    if (event.data.status === "invited") return `${actorName(event)} invited ${event.data.name} as ${roleLabel(event.data.role).toLowerCase()}`;
    // The first admin, at setup, is their own creator.
    return bySelf(event) ? `${event.data.name} set up the organization` : `${actorName(event)} added ${event.data.name}`;
  },
  "user.joined": (event) => `${event.data.name} accepted the invitation and joined`,
  "user.updated": (event) => (bySelf(event) ? `${event.data.name} updated their account` : `${actorName(event)} updated ${event.data.name}`),
  "user.deactivated": (event) => `${actorName(event)} deactivated ${event.data.name}`,
  "user.reactivated": (event) => `${actorName(event)} reactivated ${event.data.name}`,
  "user.signed_in": null,
  "user.sessions_revoked": null,
  "user.deleted": (event) => `${actorName(event)}'s import was undone: ${event.data.name} removed`
} satisfies EventDescribers<EventFamily<"user">>;

/** What the activity log says for the user events that never toast. */
export function describeUserActivity(event: UserEvent): string | null {
  switch (event.type) {
    case "user.signed_in":
      return `${event.data.name} signed in`;
    case "user.sessions_revoked":
      return bySelf(event) ? `${event.data.name} ended all of their sessions` : `${actorName(event)} reset the password of ${event.data.name}`;
    default:
      return null;
  }
}
