import { describe, expect, it } from "vitest";
import { statementNames } from "./statement-names";

describe("statement names", () => {
  it("one name per distinct planned statement, the same each time it comes back", () => {
    const nameOf = statementNames(10);
    const select = nameOf({ sql: 'SELECT "id" FROM "extensions" WHERE "id" = $1' });
    const update = nameOf({ sql: 'UPDATE "extensions" SET "display_name" = $1 WHERE "id" = $2' });
    expect(select).not.toBe("");
    expect(update).not.toBe("");
    expect(update).not.toBe(select);
    expect(nameOf({ sql: 'SELECT "id" FROM "extensions" WHERE "id" = $1' })).toBe(select);
    expect(nameOf({ sql: "with e as (select 1) select * from e" })).not.toBe("");
  });

  it("leaves transaction control and settings unnamed", () => {
    const nameOf = statementNames(10);
    for (const sql of ["BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT prisma_1", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SHOW transaction_isolation"]) {
      expect(nameOf({ sql })).toBe("");
    }
  });

  it("names no more than the limit: later statements go unnamed, earlier ones keep their names", () => {
    const nameOf = statementNames(2);
    const first = nameOf({ sql: "SELECT 1" });
    nameOf({ sql: "SELECT 2" });
    expect(nameOf({ sql: "SELECT 3" })).toBe("");
    expect(nameOf({ sql: "SELECT 1" })).toBe(first);
  });

  it("leaves unnamed the texts that change with how many values they carry, so lists of every size do not use up the limit", () => {
    const nameOf = statementNames(3);
    const select = 'SELECT "t0"."id" FROM "public"."extensions" AS "t0" WHERE "t0"."id" IN ';
    const insert = 'INSERT INTO "public"."extensions" ("id","number") VALUES ';
    for (let count = 2; count < 50; count++) {
      const list = Array.from({ length: count }, (_, i) => `$${i + 1}`);
      expect(nameOf({ sql: `${select}(${list.join(",")})` })).toBe("");
      const rows = Array.from({ length: count }, (_, i) => `($${2 * i + 1},$${2 * i + 2})`);
      expect(nameOf({ sql: `${insert}${rows.join(",")} RETURNING "id"` })).toBe("");
    }
    expect(nameOf({ sql: `${select}($1)` })).not.toBe("");
    expect(nameOf({ sql: `${insert}($1,$2) RETURNING "id"` })).not.toBe("");
    expect(nameOf({ sql: 'UPDATE "extensions" SET "display_name" = $1 WHERE "id" = $2' })).not.toBe("");
  });
});
