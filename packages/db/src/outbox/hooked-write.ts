import { delegateOf, type Delegate, type TxContext } from "./context";
import type { EventModel } from "./event-models";
import { writeEvents } from "./write-events";

type Args = Record<string, unknown> & { where?: unknown };
type Row = { id: string } & Record<string, unknown>;

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
 * The write always loads full rows (what the event needs); the caller's select/include/omit is
 * applied afterwards so the caller gets the shape it asked for.
 */
export async function hookedWrite(ctx: TxContext, modelName: string, model: EventModel<never>, operation: string, args: Args): Promise<unknown> {
  const d = delegateOf(ctx.tx, modelName);
  const { select, include: userInclude, omit, ...rest } = args;
  const shape = select || userInclude || omit ? { select, include: userInclude, omit } : undefined;
  const include = model.include;
  const full = include ? { ...rest, include } : rest;

  switch (operation) {
    case "create": {
      const row = (await d.create?.(full)) as Row;
      await writeEvents(ctx, model, "created", [row]);
      return reshape(d, model, row, shape);
    }
    case "update": {
      const before = model.eventType ? ((await d.findUnique?.({ where: args.where, ...(include ? { include } : {}) })) as Row | null) : null;
      const row = (await d.update?.(full)) as Row;
      await writeEvents(ctx, model, "updated", [row], before ? [before] : []);
      return reshape(d, model, row, shape);
    }
    case "upsert": {
      const before = (await d.findUnique?.({
        where: args.where,
        ...(model.eventType ? (include ? { include } : {}) : { select: { id: true } })
      })) as Row | null;
      const row = (await d.upsert?.(full)) as Row;
      await writeEvents(ctx, model, before ? "updated" : "created", [row], before ? [before] : []);
      return reshape(d, model, row, shape);
    }
    case "delete": {
      const row = (await d.findUniqueOrThrow?.({ where: args.where, ...(include ? { include } : {}) })) as Row;
      const result = await d.delete?.({ where: { id: row.id }, ...(shape ?? {}) });
      await writeEvents(ctx, model, "deleted", [row]);
      return shape ? result : strip(model, row);
    }
    case "createMany":
    case "createManyAndReturn": {
      const rows = (await d.createManyAndReturn?.(full)) as Row[];
      await writeEvents(ctx, model, "created", rows);
      return operation === "createMany" ? { count: rows.length } : reshapeMany(d, model, rows, shape);
    }
    case "updateMany":
    case "updateManyAndReturn": {
      const befores = model.eventType ? ((await d.findMany?.({ where: args.where, ...(include ? { include } : {}) })) as Row[]) : [];
      const rows = (await d.updateManyAndReturn?.(full)) as Row[];
      await writeEvents(ctx, model, "updated", rows, befores);
      return operation === "updateMany" ? { count: rows.length } : reshapeMany(d, model, rows, shape);
    }
    case "deleteMany": {
      const rows = (await d.findMany?.({ where: args.where, ...(include ? { include } : {}) })) as Row[];
      const ids = rows.map((r) => r.id);
      const { count } = (await d.deleteMany?.({ where: { id: { in: ids } } })) as { count: number };
      await writeEvents(ctx, model, "deleted", rows);
      return { count };
    }
    default:
      throw new Error(`${operation} is not a write operation`);
  }
}

function strip(model: EventModel<never>, row: Row): Row {
  if (!model.include) return row;
  const copy: Row = { ...row };
  for (const key of Object.keys(model.include)) delete copy[key];
  return copy;
}

async function reshape(d: Delegate, model: EventModel<never>, row: Row, shape: object | undefined): Promise<unknown> {
  if (!shape) return strip(model, row);
  return d.findUniqueOrThrow?.({ where: { id: row.id }, ...shape });
}

async function reshapeMany(d: Delegate, model: EventModel<never>, rows: Row[], shape: object | undefined): Promise<unknown> {
  if (!shape) return rows.map((r) => strip(model, r));
  // Match rows by id even when the caller's select leaves it out, then drop it again.
  const select = (shape as { select?: Record<string, unknown> }).select;
  const addId = select !== undefined && !select.id;
  const query = addId ? { ...shape, select: { ...select, id: true } } : shape;
  const found = (await d.findMany?.({ where: { id: { in: rows.map((r) => r.id) } }, ...query })) as Row[];
  const byId = new Map(found.map((r) => [r.id, r]));
  return rows.map((r) => {
    const row = byId.get(r.id);
    if (!row || !addId) return row;
    const { id: _id, ...rest } = row;
    return rest;
  });
}
