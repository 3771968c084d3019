import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Folder holding schema.prisma and migrations/ (the repository's top-level prisma/). */
const prismaDir = path.resolve(here, "../../../prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");
