/** Statements worth keeping prepared: those PostgreSQL plans. Transaction control and settings are not. */
const PLANNED = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * Text that changes with the number of values: an IN list of several (`IN ($1,$2)`) or an insert
 * of several rows (`VALUES ($1,$2),($3,$4)`). Prisma writes one placeholder per value, so each
 * count is a statement of its own; named, a process reading lists of many sizes (bulk jobs, batched
 * lookups) would spend the cap on them and leave the statements that come back every time unnamed.
 */
const COUNT_SHAPED = /\bIN\s*\(\s*\$\d+\s*,|\)\s*,\s*\(\s*\$\d+/i;

/**
 * Names for Prisma's statements, so pg keeps them prepared on each pool connection and PostgreSQL
 * parses and plans each once per connection instead of on every execution (under a steady stream
 * of small writes, parse and plan were more of PostgreSQL's CPU than running the statements). One
 * name per distinct SQL text, for the first `limit` texts: statements are few (Prisma's text varies
 * with the query's shape, not its values), and the cap bounds what each connection keeps if
 * something makes many. The rest, statements that are not planned and those whose text depends on
 * how many values they carry go unnamed ("").
 */
export function statementNames(limit: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit || !PLANNED.test(sql) || COUNT_SHAPED.test(sql)) return "";
    const name = `switchboard_${names.size}`;
    names.set(sql, name);
    return name;
  };
}
