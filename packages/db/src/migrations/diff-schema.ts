import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { migrationsDir, schemaPath } from "../paths";
import { readMigrationFiles } from "./migration-files";

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
}
type WasmExports = Record<string, unknown>;
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
}
// Node has WebAssembly built in; its types live in lib.dom, which this package does not load.
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface SchemaEngineGlue {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: { new: (options: unknown, log: (msg: string) => void, adapter: object) => Promise<WasmSchemaEngine> };
}

const require = createRequire(import.meta.url);

/**
 * Loads Prisma's schema engine compiled to wasm (the native one cannot be downloaded offline).
 * Once per process: the glue module keeps the first instance's memory, so a second
 * instantiation would corrupt it.
 */
let engineGlue: Promise<SchemaEngineGlue> | undefined;
function loadSchemaEngine(): Promise<SchemaEngineGlue> {
  engineGlue ??= instantiateSchemaEngine();
  return engineGlue;
}

async function instantiateSchemaEngine(): Promise<SchemaEngineGlue> {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = (await import(path.join(pkgDir, "schema_engine_bg.js"))) as SchemaEngineGlue;
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * SQL that takes a database from the state of the committed migrations to the state described by
 * schema.prisma. An empty string means they agree. Runs against in-memory PGlite databases.
 */
export async function diffSchemaAgainstMigrations(options: { schema?: string; migrationsDirectory?: string } = {}): Promise<string> {
  const dir = options.migrationsDirectory ?? migrationsDir;
  const schema = options.schema ?? readFileSync(schemaPath, "utf8");
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error(m) };
  const glue = await loadSchemaEngine();
  const pglite = new PGlite();
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
    const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
    const migrationsList = {
      baseDir: dir,
      lockfile: { path: "migration_lock.toml", content: readFileSync(path.join(dir, "migration_lock.toml"), "utf8") },
      shadowDbInitScript: "",
      migrationDirectories: readMigrationFiles(dir).map((m) => ({
        path: m.name,
        migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } }
      }))
    };
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] }
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    await pglite.close();
  }
}
