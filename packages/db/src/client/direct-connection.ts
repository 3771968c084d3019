import pg from "pg";
import { writeTogether } from "./write-together";

/** A statement PostgreSQL keeps prepared on the connection under `name` (parsed and planned once). */
export interface PreparedStatement {
  name: string;
  text: string;
}

/** One checked-out connection, in pipeline mode: several statements per write. */
export interface DirectSession {
  /**
   * Runs `sql` and returns each statement's rows, in order: a string of one or more statements (no
   * parameters) as one simple-protocol message, or a list written together, prepared ones by name.
   * A failed statement fails the call once all of them are answered.
   */
  run(sql: string | readonly (string | PreparedStatement)[]): Promise<Record<string, unknown>[][]>;
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
    const created = new pg.Pool({ connectionString: url, max: 1, keepAlive: true, application_name: applicationName, pipeline: true });
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
          if (typeof sql === "string") {
            const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
            return (Array.isArray(result) ? result : [result]).map((r) => r.rows as Record<string, unknown>[]);
          }
          const sent = writeTogether(client, () => sql.map((s) => client.query(s)));
          const settled = await Promise.allSettled(sent);
          const failed = settled.find((r) => r.status === "rejected");
          if (failed) throw failed.reason;
          return settled.map((r) => (r.status === "fulfilled" ? (r.value.rows as Record<string, unknown>[]) : []));
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
