import pg from "pg";

/** One checked-out connection: statements go as PostgreSQL's simple protocol, several per round trip. */
export interface DirectSession {
  /** Runs `sql` (one or more statements, no parameters) and returns each statement's rows, in order. */
  run(sql: string): Promise<Record<string, unknown>[][]>;
  /** Gives the connection back; a broken one (a failed rollback) is closed instead of reused. */
  release(broken: boolean): void;
}

export interface DirectConnection {
  session(): Promise<DirectSession>;
  close(): Promise<void>;
}

/**
 * A connection of its own, outside Prisma, for work whose every statement is fixed SQL and whose
 * cost is its round trips: Prisma's interactive transaction sends BEGIN, each statement and COMMIT
 * one at a time, through its query interpreter. Opened on first use, reopened after a failure.
 */
export function createDirectConnection(url: string, applicationName: string): DirectConnection {
  let pool: pg.Pool | undefined;
  const open = (): pg.Pool => {
    if (pool) return pool;
    const created = new pg.Pool({ connectionString: url, max: 1, keepAlive: true, application_name: applicationName });
    // An idle connection that dies is dropped by the pool; the next session opens another.
    created.on("error", () => undefined);
    pool = created;
    return created;
  };
  return {
    async session(): Promise<DirectSession> {
      const client = await open().connect();
      // The pool listens for errors of idle connections only: one checked out (held across a
      // relay round's Redis append) that PostgreSQL drops would raise an unhandled 'error' and
      // end the process. The statement in flight, or the next one, fails on its own.
      let lost = false;
      const onError = () => {
        lost = true;
      };
      client.on("error", onError);
      return {
        async run(sql) {
          const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(result) ? result : [result]).map((r) => r.rows as Record<string, unknown>[]);
        },
        release(broken) {
          client.off("error", onError);
          client.release(broken || lost);
        }
      };
    },
    async close() {
      const current = pool;
      pool = undefined;
      await current?.end();
    }
  };
}
