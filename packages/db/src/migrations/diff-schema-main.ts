import { text } from "node:stream/consumers";
import { diffSchemaAgainstMigrations } from "./diff-schema";

// Reads the diff's options as JSON on stdin and prints the SQL as a JSON string (diff-schema-process.ts).
// Exits once it is written: the engine's and PGlite's handles would keep the process alive a while.
const options = JSON.parse(await text(process.stdin)) as { schema?: string };
const sql = await diffSchemaAgainstMigrations(options);
process.stdout.write(JSON.stringify(sql), () => process.exit(0));
