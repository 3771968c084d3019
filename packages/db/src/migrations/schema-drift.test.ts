import { describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "./diff-schema";

// One diff per test file: the wasm glue caches the first instance's memory, so a second engine
// in the same process reads garbage (see schema-drift-detection.test.ts for the negative case).
describe("schema.prisma and the committed migrations", () => {
  it("agree: applying the migrations gives exactly the schema (run db:migration:create if not)", async () => {
    expect(await diffSchemaAgainstMigrations()).toBe("");
  }, 120_000);
});
