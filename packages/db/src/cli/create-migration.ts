import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemaAgainstMigrations } from "../migrations/diff-schema";
import { migrationsDir } from "../paths";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:create -- <name>   (lower_snake_case, e.g. add_call_table)");
  process.exit(2);
}

const sql = await diffSchemaAgainstMigrations();
if (sql === "") {
  console.log("schema.prisma and prisma/migrations agree: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it.`);
