import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaPath } from "../paths";
import { diffSchemaInProcess } from "./diff-schema-process";

// Proves the drift test in schema-drift.test.ts can fail: a field the migrations lack shows up.
describe("schema drift detection", () => {
  it("reports a schema change the migrations lack as SQL", async () => {
    const schema = readFileSync(schemaPath, "utf8").replace(
      /model Trunk \{\n/,
      'model Trunk {\n  notes                String?      @map("drift_probe_notes")\n'
    );
    expect(schema).toContain("drift_probe_notes");
    const sql = await diffSchemaInProcess({ schema });
    expect(sql).toMatch(/ALTER TABLE "trunks" ADD COLUMN\s+"drift_probe_notes" TEXT/);
  }, 120_000);
});
