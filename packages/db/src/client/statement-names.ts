/** Statements worth keeping prepared: those PostgreSQL plans. Transaction control and settings are not. */
const PLANNED = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * Names for Prisma's statements, so pg keeps them prepared on each pool connection and PostgreSQL
 * parses and plans each once per connection instead of on every execution (under a steady stream
 * of small writes, parse and plan were more of PostgreSQL's CPU than running the statements). One
 * name per distinct SQL text, for the first `limit` texts: statements are few (Prisma's text varies
 * with the query's shape, not its values), and the cap bounds what each connection keeps if
 * something makes many. The rest, and statements that are not planned, go unnamed ("").
 */
export function statementNames(limit: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit || !PLANNED.test(sql)) return "";
    const name = `switchboard_${names.size}`;
    names.set(sql, name);
    return name;
  };
}
