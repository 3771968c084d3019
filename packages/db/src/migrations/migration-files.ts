import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { migrationsDir } from "../paths";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Migrations in Prisma's layout (`<timestamp>_<name>/migration.sql`), in name order. */
export function readMigrationFiles(dir: string = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}
