import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { SqlExecutor } from "./run-migrations";

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await db.query<T>(sql, params);
      return result.rows;
    }
  };
}

/** Opens one dedicated connection (advisory locks are per session, so a pool will not do). */
export async function withPgExecutor<T>(connectionString: string, fn: (db: SqlExecutor) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn({
      async exec(sql) {
        await client.query(sql);
      },
      async query<R>(sql: string, params: unknown[] = []) {
        const result = await client.query(sql, params);
        return result.rows as R[];
      }
    });
  } finally {
    await client.end();
  }
}
