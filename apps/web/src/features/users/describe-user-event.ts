import type { Role } from "@switchboard/contracts";
import { actorName, describeUpdate, type EventDescribers } from "@/features/realtime/describe-event";
import type { FieldWordings } from "@/features/realtime/describe-field-changes";
import type { EventFamily, EventOf } from "@/features/realtime/event-types";
import { roleLabel } from "@/features/shell/role-label";

type UserEvent = EventOf<EventFamily<"user">>;

const bySelf = (event: UserEvent) => event.actor?.id === event.data.id;

/** How a user's changed fields read, in this order (status changes are events of their own). */
const USER_WORDINGS: FieldWordings = {
  name: { kind: "name" },
  role: { kind: "value", label: "role", format: (value) => roleLabel(value as Role).toLowerCase() },
  email: { kind: "value", label: "email address" },
  officeIds: { kind: "list", label: "offices" }
};

/** "Ada Admin invited Nia New as agent", "Sam Supervisor deactivated Bo Agent". Sign-ins and ended sessions never toast. */
export const userDescribers = {
  "user.created": (event) => {
    if (event.data.status === "invited") return `${actorName(event)} invited ${event.data.name} as ${roleLabel(event.data.role).toLowerCase()}`;
    // The first admin, at setup, is their own creator.
    return bySelf(event) ? `${event.data.name} set up the organization` : `${actorName(event)} added ${event.data.name}`;
  },
  "user.joined": (event) => `${event.data.name} accepted the invitation and joined`,
  // Named as people knew them before a rename: "Ada Admin renamed Bo Agent to Bo Busy and changed their offices".
  "user.updated": (event) =>
    bySelf(event)
      ? `${event.data.name} updated their account`
      : describeUpdate(event, String(event.data.changes?.name?.from ?? event.data.name), USER_WORDINGS, "them"),
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
