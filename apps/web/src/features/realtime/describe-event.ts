import type { DomainEvent } from "@switchboard/contracts";

const VERBS: Record<string, string> = { created: "created", updated: "updated", deleted: "deleted" };

/** How the subject is named to people: extensions by number, trunks by name. */
export function subjectLabel(event: DomainEvent): string {
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
  }
}

/** "Ada Admin created extension 104" — the toast other people's changes get. */
export function describeEvent(event: DomainEvent): string {
  const verb = VERBS[event.type.split(".")[1] ?? ""] ?? "changed";
  const who = event.actor?.name || "The system";
  return `${who} ${verb} ${subjectLabel(event)}`;
}

/** Toasts are for changes made by someone else; one's own (from any tab) stay quiet. */
export function isOwnEvent(event: DomainEvent, userId: string): boolean {
  return event.actor?.id === userId;
}
