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
});
