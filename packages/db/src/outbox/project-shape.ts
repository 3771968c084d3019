import { isDeepStrictEqual } from "node:util";

type Spec = Record<string, unknown>;
type Row = Record<string, unknown>;

/** The caller's own select / include / omit of a hooked write. */
export interface Shape {
  select?: unknown;
  include?: unknown;
  omit?: unknown;
}

const isSpec = (value: unknown): value is Spec => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The caller's shape cut from a row the hooks already hold: all its scalars plus the relations
 * `loaded` (the model's include) names. Undefined when the shape asks for anything that row does
 * not hold as asked (another relation, other arguments on a relation, a count, a nested select),
 * or is one Prisma would refuse: then the caller's shape is read from the database instead.
 */
export function projectShape(row: Row, loaded: Spec | undefined, shape: Shape): Row | undefined {
  const relations = loaded ?? {};
  const isScalar = (key: string) => Object.hasOwn(row, key) && !Object.hasOwn(relations, key);
  const { select, include, omit } = shape;
  if (select !== undefined) {
    if (include !== undefined || omit !== undefined || !isSpec(select)) return undefined;
    const out: Row = {};
    for (const [key, wanted] of Object.entries(select)) {
      if (wanted === false || wanted === undefined) continue;
      if (isScalar(key)) {
        if (wanted !== true) return undefined;
        out[key] = row[key];
        continue;
      }
      const value = relationAs(row, relations, key, wanted);
      if (value === undefined) return undefined;
      out[key] = value.value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (omit !== undefined && !isSpec(omit)) return undefined;
  if (include !== undefined && !isSpec(include)) return undefined;
  const out: Row = {};
  for (const key of Object.keys(row)) if (isScalar(key)) out[key] = row[key];
  for (const [key, dropped] of Object.entries(omit ?? {})) {
    if (typeof dropped !== "boolean" || !isScalar(key)) return undefined;
    if (dropped) delete out[key];
  }
  for (const [key, wanted] of Object.entries(include ?? {})) {
    if (wanted === false || wanted === undefined) continue;
    const value = relationAs(row, relations, key, wanted);
    if (value === undefined) return undefined;
    out[key] = value.value;
  }
  return out;
}

/**
 * A loaded relation as `wanted` asks for it: the same arguments as loaded, or a plain select of
 * fields the loaded plain select has.
 */
function relationAs(row: Row, relations: Spec, key: string, wanted: unknown): { value: unknown } | undefined {
  if (!Object.hasOwn(relations, key) || !Object.hasOwn(row, key)) return undefined;
  const had = relations[key];
  const value = row[key];
  if (isDeepStrictEqual(had, wanted)) return { value };
  const fields = plainSelect(wanted);
  const available = plainSelect(had);
  if (!fields || !available || !fields.every((f) => available.includes(f))) return undefined;
  const pick = (item: unknown) => (isSpec(item) ? Object.fromEntries(fields.map((f) => [f, item[f]])) : item);
  return { value: Array.isArray(value) ? value.map(pick) : pick(value) };
}

/** The fields of `{ select: { a: true, b: true } }` (no other arguments, nothing nested), else undefined. */
function plainSelect(spec: unknown): string[] | undefined {
  if (!isSpec(spec) || Object.keys(spec).length !== 1 || !isSpec(spec.select)) return undefined;
  const fields: string[] = [];
  for (const [field, on] of Object.entries(spec.select)) {
    if (on === true) fields.push(field);
    else if (on !== false) return undefined;
  }
  return fields;
}
