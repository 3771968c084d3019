import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { createDirectConnection } from "./direct-connection";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 1 });
});
afterAll(async () => {
  await tdb?.drop();
});

async function terminate(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: tdb.url });
  await admin.connect();
  try {
    const result = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [
      applicationName
    ]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe("direct connection", () => {
  it("survives PostgreSQL dropping a connection that is checked out: the session fails, the next one works", async () => {
    const name = "switchboard-direct-test";
    const direct = createDirectConnection(tdb.url, name);
    try {
      const held = await direct.session();
      expect(await held.run("SELECT 1 AS one; SELECT 2 AS two")).toEqual([[{ one: 1 }], [{ two: 2 }]]);
      // Dropped between statements, as a restart does while a relay round waits on Redis.
      expect(await terminate(name)).toBe(1);
      await expect(held.run("SELECT 1")).rejects.toThrow();
      held.release(false);

      const next = await direct.session();
      expect(await next.run("SELECT 3 AS three")).toEqual([[{ three: 3 }]]);
      next.release(false);
    } finally {
      await direct.close();
    }
  });

  it("writes a list of statements together, keeps the named ones prepared on the connection, and fails the call for a failed one", async () => {
    const direct = createDirectConnection(tdb.url, "switchboard-direct-list");
    try {
      const session = await direct.session();
      const two = { name: "direct_test_two", text: "SELECT 2 AS two" };
      expect(await session.run(["BEGIN", two, "COMMIT"])).toEqual([[], [{ two: 2 }], []]);
      expect(await session.run([two, "SELECT name FROM pg_prepared_statements"])).toEqual([[{ two: 2 }], [{ name: "direct_test_two" }]]);
      await expect(session.run(["BEGIN", "SELECT 1 / 0", two])).rejects.toThrow(/division by zero/);
      expect(await session.run("ROLLBACK; SELECT 3 AS three")).toEqual([[], [{ three: 3 }]]);
      session.release(false);
    } finally {
      await direct.close();
    }
  });
});
