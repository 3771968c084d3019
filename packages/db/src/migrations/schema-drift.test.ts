import { describe, expect, it } from "vitest";
import { diffSchemaInProcess } from "./diff-schema-process";

// The diff runs in a process of its own (diff-schema-process.ts); schema-drift-detection.test.ts
// proves it can fail.
describe("schema.prisma and the committed migrations", () => {
  it("agree: applying the migrations gives exactly the schema (run db:migration:create if not)", async () => {
    expect(await diffSchemaInProcess()).toBe("");
  }, 120_000);
});
