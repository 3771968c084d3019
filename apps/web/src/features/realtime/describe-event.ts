import type { DomainEvent } from "@switchboard/contracts";
import { describeTicketEvent } from "@/features/tickets/describe-ticket-event";

/** How a changed subject is named to people: extensions by number, trunks by name. */
export function subjectLabel(event: DomainEvent): string | null {
  switch (event.type) {
    case "extension.created":
    case "extension.updated":
      return `extension ${event.data.number}`;
    case "extension.deleted":
      // The label is "<number> <display name>"; people call an extension by its number.
      return `extension ${event.data.label.split(" ")[0] ?? event.data.label}`;
    case "trunk.created":
    case "trunk.updated":
      return `trunk ${event.data.name}`;
    case "trunk.deleted":
      return `trunk ${event.data.label}`;
    default:
      return null;
  }
}

/**
 * "Ada Admin created extension 104": the toast for a configuration change. Null for events that
 * are not someone's edit (call progress, device status), which would only be noise as toasts.
 */
export function describeEvent(event: DomainEvent): string | null {
  const ticket = describeTicketEvent(event);
  if (ticket !== undefined) return ticket;
  const subject = subjectLabel(event);
  const verb = event.type.split(".")[1];
  if (!subject || (verb !== "created" && verb !== "updated" && verb !== "deleted")) return null;
  const who = event.actor?.name || "The system";
  return `${who} ${verb} ${subject}`;
}

/** Toasts are for changes made by someone else; one's own (from any tab) stay quiet. */
export function isOwnEvent(event: DomainEvent, userId: string): boolean {
  return event.actor?.id === userId;
}
