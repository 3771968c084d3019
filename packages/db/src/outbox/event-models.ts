import type { EventType } from "@switchboard/contracts";
import { toExtensionView, type ExtensionWithUser } from "../views/extension-view";
import { toTrunkView } from "../views/trunk-view";
import type { Trunk } from "../generated/prisma/client";

/**
 * Models whose every write becomes a domain event. `include` is what the view needs loaded;
 * `view` and `label` turn a full row into the event's data. Later features register theirs here.
 */
export interface EventModel<Row = never> {
  kind: string;
  types: { created: EventType; updated: EventType; deleted: EventType };
  include?: Record<string, unknown>;
  orgId(row: Row): string;
  view(row: Row): unknown;
  label(row: Row): string;
}

const extension: EventModel<ExtensionWithUser> = {
  kind: "extension",
  types: { created: "extension.created", updated: "extension.updated", deleted: "extension.deleted" },
  include: { user: { select: { name: true } } },
  orgId: (row) => row.organizationId,
  view: toExtensionView,
  label: (row) => `${row.number} ${row.displayName}`
};

const trunk: EventModel<Trunk> = {
  kind: "trunk",
  types: { created: "trunk.created", updated: "trunk.updated", deleted: "trunk.deleted" },
  orgId: (row) => row.organizationId,
  view: toTrunkView,
  label: (row) => row.name
};

// Keys are Prisma model names as the query extension reports them.
export const eventModels: Record<string, EventModel<never> | undefined> = {
  Extension: extension as unknown as EventModel<never>,
  Trunk: trunk as unknown as EventModel<never>
};
