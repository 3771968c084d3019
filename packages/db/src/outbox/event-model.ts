import type { EventData, EventType, SubjectKind, SubjectKindOf } from "@switchboard/contracts";
import type * as runtime from "@prisma/client/runtime/client";
import type { Prisma } from "../generated/prisma/client";

export type Verb = "created" | "updated" | "deleted";

/** A row as Prisma returns it for `model` by default (its scalars). */
type ModelRow<M extends Prisma.ModelName> = runtime.Types.Result.DefaultSelection<Prisma.TypeMap["model"][M]["payload"]>;

/** Event types whose data is a deleted row's `{ id, label }`. */
type DeletionType = { [T in EventType]: { id: string; label: string } extends EventData<T> ? T : never }[EventType];

/** Data that is valid for every one of the types `T` (so a view typed so may be sent as any of them). */
type DataOfEvery<T extends EventType> = (T extends EventType ? (data: EventData<T>) => void : never) extends (data: infer D) => void ? D : never;

/** The subject kind all of the types `T` share (never when they name different subjects). */
type KindOfEvery<T extends EventType> = (T extends EventType ? (kind: SubjectKindOf<T>) => void : never) extends (kind: infer K) => void ? K : never;

/**
 * Which event a create or an update announces (null: none). Either one type per verb, or `pick`,
 * which sees the row before and after the write; then the hooks load the row before every update
 * (its scalars, plus the relations `before` names).
 */
type Announce<Row, T extends EventType> =
  | { readonly created: T | null; readonly updated: T | null }
  | {
      readonly before?: Record<string, unknown>;
      readonly pick: (verb: "created" | "updated", before: Row | null, after: Row) => T | null;
    };

/** The parts of an event model; `Kind` and `Data` are what its event types allow. */
interface EventModelParts<Row, T extends EventType, D extends DeletionType, Kind, Data> {
  readonly kind: Kind;
  /** What `view` needs loaded with the row. */
  readonly include?: Record<string, unknown>;
  /**
   * For models whose updates read the row before (`pick` or `recordChanges`): each included
   * relation with the scalars it follows (its foreign keys; none for rows that point at this
   * one). An update whose data writes none of these relations takes them from the row before, in
   * one UPDATE … RETURNING, instead of reading the row again after it; if one of the scalars
   * changed, the row is read again. Every relation of `include` must be named.
   */
  readonly carry?: { readonly [relation: string]: readonly string[] };
  readonly announce: Announce<Row, T>;
  /** Deleting a row announces `type` with `{ id, label }`; without it deletions announce nothing. */
  readonly deleted?: { readonly type: D; readonly label: (row: Row) => string };
  /**
   * Deleting a row announces this type with the row's view as it was (instead of `{ id, label }`):
   * for subjects whose every event must carry their state (a user's access facts).
   */
  readonly deletedWithView?: T;
  /** Every row belongs to one organization; its events go to that organization's rooms. */
  readonly orgId: (row: Row) => string;
  /** The event's subject id; the row's id unless the row describes another subject. */
  readonly subjectId?: (row: Row) => string;
  readonly view: (row: Row) => Data;
  /**
   * Update events carry `changes`: each field of the view that differs from the row before the
   * update (which the hooks then read before every update, with `include`). A list: only events
   * of those types carry them.
   */
  readonly recordChanges?: boolean | readonly T[];
}

/**
 * A model whose writes become domain events of types `T` (creates and updates) and `D` (deletions).
 * The view's result is typed as the data of every type the model announces, and all of them name
 * the same subject kind (contracts' eventSubjectKinds).
 */
export type EventModel<Row, T extends EventType, D extends DeletionType = never> = EventModelParts<Row, T, D, KindOfEvery<T | D>, DataOfEvery<T>>;

/** What the hooks need of any event model: its types checked away, its row that of the model it is registered for. */
export type EventBearing<Row> = EventModelParts<Row, EventType, DeletionType, SubjectKind, EventData<EventType>>;

/** A model whose writes announce nothing, and why. */
export interface NotEventBearing {
  readonly notEventBearing: string;
}

export function notEventBearing(reason: string): NotEventBearing {
  return { notEventBearing: reason };
}

/** Every Prisma model, each either with its event model or saying why it has none. */
export type EventModelRegistry = { readonly [M in Prisma.ModelName]: EventBearing<ModelRow<M>> | NotEventBearing };

/** Which event type a write of `row` announces, or null. */
export function eventTypeOf<Row>(model: EventBearing<Row>, verb: Verb, before: Row | null, row: Row): EventType | null {
  if (verb === "deleted") return model.deleted?.type ?? model.deletedWithView ?? null;
  const announce = model.announce;
  return "pick" in announce ? announce.pick(verb, before, row) : announce[verb];
}

/**
 * What an update must load of the row before it (Prisma args beside `where`), or null when its
 * event does not depend on what changed.
 */
export function beforeRead<Row>(model: EventBearing<Row>): { include?: Record<string, unknown> } | null {
  const announce = model.announce;
  const picks = "pick" in announce;
  if (!picks && !model.recordChanges) return null;
  const include = { ...(picks ? announce.before : undefined), ...(model.recordChanges ? model.include : undefined) };
  return Object.keys(include).length > 0 ? { include } : {};
}

/** Whether an update event of this type carries `changes`. */
export function recordsChanges<Row>(model: EventBearing<Row>, type: EventType): boolean {
  const record = model.recordChanges;
  return Array.isArray(record) ? record.includes(type) : record === true;
}
