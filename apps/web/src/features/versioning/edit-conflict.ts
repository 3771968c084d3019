import {
  ticketTopic,
  type DomainEvent,
  type ExtensionView,
  type FieldChanges,
  type OfficeRecord,
  type QueueView,
  type StaffTicketView,
  type Topic,
  type TrunkView,
  type UserView
} from "@switchboard/contracts";

/**
 * No silent overwrite (G8), in the browser: an open form knows the version it was loaded at and
 * watches the entity's events; a newer version by anyone (or a deletion) is a conflict the editor
 * settles before saving. The server refuses a stale save anyway (409); this only tells earlier.
 */

/** What an event says of one entity: its new state at a version, its deletion, or nothing (other events). */
type EntityEventState<V> = { kind: "changed"; version: number; view: V; changes: FieldChanges | null } | { kind: "deleted" } | null;

/** An editable entity as the browser sees its events. */
export interface VersionedSubject<V> {
  /** The events' subject kind ("extension"). */
  kind: string;
  /** How the conflict banner calls it ("extension"). */
  noun: string;
  /** The topic carrying entity `id`'s events. */
  topic(id: string): Topic;
  stateOf(event: DomainEvent): EntityEventState<V>;
}

/** What stands between the form and a clean save. */
export type EditConflict<V> =
  | { kind: "changed"; version: number; by: string | null; byMe: boolean; view: V | null; changes: FieldChanges | null }
  | { kind: "deleted"; by: string | null; byMe: boolean };

const changesOf = (data: { changes?: FieldChanges }) => data.changes ?? null;

export const EXTENSION_SUBJECT: VersionedSubject<ExtensionView> = {
  kind: "extension",
  noun: "extension",
  topic: () => "extensions",
  stateOf(event) {
    if (event.type === "extension.updated") {
      const { changes: _changes, ...view } = event.data;
      return { kind: "changed", version: view.version, view, changes: changesOf(event.data) };
    }
    return event.type === "extension.deleted" ? { kind: "deleted" } : null;
  }
};

export const TRUNK_SUBJECT: VersionedSubject<TrunkView> = {
  kind: "trunk",
  noun: "trunk",
  topic: () => "trunks",
  stateOf(event) {
    if (event.type === "trunk.updated") {
      const { changes: _changes, ...view } = event.data;
      return { kind: "changed", version: view.version, view, changes: changesOf(event.data) };
    }
    return event.type === "trunk.deleted" ? { kind: "deleted" } : null;
  }
};

/** A person's name, role, offices and state (sign-ins and session ends do not change what the form edits). */
export const USER_SUBJECT: VersionedSubject<UserView> = {
  kind: "user",
  noun: "user",
  topic: () => "users",
  stateOf(event) {
    if (event.type === "user.deleted") return { kind: "deleted" };
    if (event.type === "user.updated") {
      const { sessionVersion: _sessionVersion, changes: _changes, ...view } = event.data;
      return { kind: "changed", version: view.version, view, changes: changesOf(event.data) };
    }
    if (event.type !== "user.deactivated" && event.type !== "user.reactivated" && event.type !== "user.joined") return null;
    const { sessionVersion: _sessionVersion, ...view } = event.data;
    return { kind: "changed", version: view.version, view, changes: null };
  }
};

export const OFFICE_SUBJECT: VersionedSubject<OfficeRecord> = {
  kind: "office",
  noun: "office",
  topic: () => "offices",
  stateOf(event) {
    if (event.type === "office.updated") {
      const { changes: _changes, ...view } = event.data;
      return { kind: "changed", version: view.version, view, changes: changesOf(event.data) };
    }
    return event.type === "office.deleted" ? { kind: "deleted" } : null;
  }
};

export const QUEUE_SUBJECT: VersionedSubject<QueueView> = {
  kind: "queue",
  noun: "queue",
  topic: () => "queues",
  stateOf(event) {
    if (event.type === "queue.changed") return { kind: "changed", version: event.data.version, view: event.data, changes: null };
    return event.type === "queue.deleted" ? { kind: "deleted" } : null;
  }
};

export const TICKET_SUBJECT: VersionedSubject<StaffTicketView> = {
  kind: "ticket",
  noun: "ticket",
  topic: ticketTopic,
  stateOf(event) {
    if (event.type !== "ticket.updated" && event.type !== "ticket.status_changed" && event.type !== "ticket.assigned") return null;
    if (event.data.view !== "staff") return null;
    const { activity, ...view } = event.data;
    const changes: FieldChanges | null = activity ? { [activity.kind]: { from: activity.fromLabel, to: activity.toLabel } } : null;
    return { kind: "changed", version: view.version, view, changes };
  }
};

/**
 * The newest change to entity `id` after version `base` among `events` (or its deletion), with who
 * made it; null when nothing newer happened. A deletion outranks any change.
 */
export function newerChange<V>(
  subject: VersionedSubject<V>,
  id: string,
  events: readonly DomainEvent[],
  base: number,
  viewerId: string
): EditConflict<V> | null {
  let found: EditConflict<V> | null = null;
  for (const event of events) {
    if (event.subject.kind !== subject.kind || event.subject.id !== id) continue;
    const state = subject.stateOf(event);
    if (!state) continue;
    const by = event.actor?.name ?? null;
    const byMe = event.actor?.id === viewerId;
    if (state.kind === "deleted") return { kind: "deleted", by, byMe };
    if (state.version > base && (found?.kind !== "changed" || state.version > found.version)) {
      found = { kind: "changed", version: state.version, by, byMe, view: state.view, changes: state.changes };
    }
  }
  return found;
}

/** "Sam Supervisor", "You (in another tab)" or "Someone": who a banner says changed it. */
export function whoChanged(conflict: EditConflict<unknown>): string {
  if (conflict.byMe) return "You (in another tab)";
  return conflict.by ?? "Someone";
}
