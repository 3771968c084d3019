import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));

// The native schema engine cannot be downloaded on offline machines. Pointing
// Prisma at a stub keeps `prisma generate` working; migrations use our runner.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, "scripts", "schema-engine-stub.sh");

export default defineConfig({
  schema: path.join(here, "../../prisma/schema.prisma"),
  migrations: { path: path.join(here, "../../prisma/migrations") }
});
