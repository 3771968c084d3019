import { isDeepStrictEqual } from "node:util";
import { delegateOf, type TxContext } from "./context";
import { beforeRead, type EventBearing } from "./event-model";
import type { EventRow } from "./event-models";
import { projectShape, type Shape } from "./project-shape";
import { writeEvents } from "./write-events";

type Args = Record<string, unknown> & { where?: unknown };

/** An event-bearing model's delegate as the hooks call it: without a caller's shape, writes return full rows. */
interface RowDelegate {
  create(args: object): Promise<EventRow>;
  createManyAndReturn(args: object): Promise<EventRow[]>;
  update(args: object): Promise<EventRow>;
  updateManyAndReturn(args: object): Promise<EventRow[]>;
  upsert(args: object): Promise<EventRow>;
  delete(args: object): Promise<EventRow>;
  deleteMany(args: object): Promise<{ count: number }>;
  findUnique(args: object): Promise<EventRow | null>;
  findUniqueOrThrow(args: object): Promise<EventRow>;
  findMany(args: object): Promise<EventRow[]>;
}

export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany"
]);

/**
 * Performs one write of an event-bearing model inside `ctx`'s transaction and records its events.
 * The write loads full rows (what the event needs) and the caller gets the shape it asked for,
 * cut from those rows. A row is read again only for a shape those rows do not hold, and before the
 * write only when its event depends on what changed (or on whether an upsert creates); a model
 * that announces no deletion has its deletes run as they are.
 */
export async function hookedWrite(ctx: TxContext, modelName: string, model: EventBearing<EventRow>, operation: string, args: Args): Promise<unknown> {
  const d = delegateOf<RowDelegate>(ctx.tx, modelName);
  const { select, include: userInclude, omit, ...rest } = args;
  const shape: Shape | undefined = select || userInclude || omit ? { select, include: userInclude, omit } : undefined;
  const loaded = model.include ? { include: model.include } : {};
  const full = { ...rest, ...loaded };
  const compare = beforeRead(model);

  switch (operation) {
    case "create": {
      const row = await d.create(full);
      writeEvents(ctx, model, "created", [row]);
      return reshape(d, model, row, shape);
    }
    case "update": {
      if (!compare) {
        const row = await d.update(full);
        writeEvents(ctx, model, "updated", [row]);
        return reshape(d, model, row, shape);
      }
      const carrying = carries(model, compare, rest);
      const [before, written] = await readThenWrite(
        ctx,
        () => d.findUnique({ where: args.where, ...compare }),
        () => d.update(carrying ? rest : full)
      );
      const row = carrying ? await withCarried(d, model, written, before) : written;
      writeEvents(ctx, model, "updated", [row], before ? [before] : []);
      return reshape(d, model, row, shape);
    }
    case "upsert": {
      const { verb, before } = await upsertState(d, model, args.where);
      const row = await d.upsert(full);
      writeEvents(ctx, model, verb, [row], before ? [before] : []);
      return reshape(d, model, row, shape);
    }
    case "delete": {
      if (!model.deleted && !model.deletedWithView) return d.delete(args);
      if (!shape) {
        const row = await d.delete({ where: args.where, ...loaded });
        writeEvents(ctx, model, "deleted", [row]);
        return reshape(d, model, row, shape);
      }
      // The caller's shape must be cut or read before the row is gone.
      const row = await d.findUniqueOrThrow({ where: args.where, ...loaded });
      const projected = projectShape(row, model.include, shape);
      const result = await d.delete({ where: { id: row.id }, ...(projected ? { select: { id: true } } : shape) });
      writeEvents(ctx, model, "deleted", [row]);
      return projected ?? result;
    }
    case "createMany":
    case "createManyAndReturn": {
      const rows = await manyAndReturn(d, model, (a) => d.createManyAndReturn(a), rest);
      writeEvents(ctx, model, "created", rows);
      return operation === "createMany" ? { count: rows.length } : reshapeMany(d, model, rows, shape);
    }
    case "updateMany":
    case "updateManyAndReturn": {
      const befores = compare ? await d.findMany({ where: args.where, ...compare }) : [];
      const rows = await manyAndReturn(d, model, (a) => d.updateManyAndReturn(a), rest);
      writeEvents(ctx, model, "updated", rows, befores);
      return operation === "updateMany" ? { count: rows.length } : reshapeMany(d, model, rows, shape);
    }
    case "deleteMany": {
      if (!model.deleted && !model.deletedWithView) return d.deleteMany(args);
      const rows = await d.findMany({ where: args.where, ...loaded });
      const { count } = await d.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      writeEvents(ctx, model, "deleted", rows);
      return { count };
    }
    default:
      throw new Error(`${operation} is not a write operation`);
  }
}

/**
 * A bulk write's rows as its events need them, in the write's order. Prisma's `…ManyAndReturn`
 * cannot include list relations (a user's offices, a ticket's latest activity), so with an include
 * the rows are written returning their ids and read again, in the same transaction.
 */
async function manyAndReturn(
  d: RowDelegate,
  model: EventBearing<EventRow>,
  write: (args: object) => Promise<EventRow[]>,
  args: Record<string, unknown>
): Promise<EventRow[]> {
  if (!model.include) return write(args);
  const ids = (await write({ ...args, select: { id: true } })).map((r) => r.id);
  const found = await d.findMany({ where: { id: { in: ids } }, include: model.include });
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Runs `read` and then `write` in the transaction: their statements written to PostgreSQL at once
 * where the driver's transaction offers it (`OutboxBatch.together`), else one after the other.
 */
function readThenWrite<A, B>(ctx: TxContext, read: () => PromiseLike<A>, write: () => PromiseLike<B>): Promise<[A, B]> {
  if (ctx.outbox.together) return ctx.outbox.together(read, write);
  return Promise.resolve(read()).then(async (a) => [a, await write()]);
}

/**
 * Whether an update can take the model's included relations from the row before (see `carry`):
 * the model carries all of them, the row before is read with them, and the data writes none.
 */
function carries(model: EventBearing<EventRow>, compare: { include?: Record<string, unknown> }, args: Args): boolean {
  const { carry, include } = model;
  if (!carry || !include) return false;
  const data = isRecord(args.data) ? args.data : {};
  return Object.keys(include).every((r) => Object.hasOwn(carry, r) && Object.hasOwn(compare.include ?? {}, r) && !Object.hasOwn(data, r));
}

/**
 * The row an update wrote without its relations, with them taken from the row before; read again
 * if a scalar a relation follows changed, or there was no row before (it appeared since the read).
 */
async function withCarried(d: RowDelegate, model: EventBearing<EventRow>, written: EventRow, before: EventRow | null): Promise<EventRow> {
  const include = model.include ?? {};
  const relations = Object.keys(include);
  const carry = model.carry ?? {};
  const moved = !before || relations.some((r) => (carry[r] ?? []).some((key) => !isDeepStrictEqual(written[key], before[key])));
  if (moved) return d.findUniqueOrThrow({ where: { id: written.id }, include });
  return { ...written, ...Object.fromEntries(relations.map((r) => [r, before[r]])) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * Whether an upsert will create or update, and the row before it when the event depends on what
 * changed. Nothing is read when both would announce the same event.
 */
async function upsertState(d: RowDelegate, model: EventBearing<EventRow>, where: unknown): Promise<{ verb: "created" | "updated"; before: EventRow | null }> {
  const compare = beforeRead(model);
  if (compare) {
    const before = await d.findUnique({ where, ...compare });
    return { verb: before ? "updated" : "created", before };
  }
  const announce = model.announce;
  if ("created" in announce && announce.created === announce.updated) return { verb: "updated", before: null };
  const existing = await d.findUnique({ where, select: { id: true } });
  return { verb: existing ? "updated" : "created", before: null };
}

/** The caller's shape of a written row: cut from the row when it holds it, else read. */
async function reshape(d: RowDelegate, model: EventBearing<EventRow>, row: EventRow, shape: Shape = {}): Promise<unknown> {
  return projectShape(row, model.include, shape) ?? d.findUniqueOrThrow({ where: { id: row.id }, ...shape });
}

async function reshapeMany(d: RowDelegate, model: EventBearing<EventRow>, rows: EventRow[], shape: Shape = {}): Promise<unknown> {
  const projected = rows.map((row) => projectShape(row, model.include, shape));
  if (projected.every((row) => row !== undefined)) return projected;
  // Match rows by id even when the caller's select leaves it out, then drop it again.
  const select = shape.select as Record<string, unknown> | undefined;
  const addId = select !== undefined && !select.id;
  const query = addId ? { ...shape, select: { ...select, id: true } } : shape;
  const found = await d.findMany({ where: { id: { in: rows.map((r) => r.id) } }, ...query });
  const byId = new Map(found.map((r) => [r.id, r]));
  return rows.map((r) => {
    const row = byId.get(r.id);
    if (!row || !addId) return row;
    const { id: _id, ...rest } = row;
    return rest;
  });
}
