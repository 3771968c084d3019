import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * `diffSchemaAgainstMigrations` in a process of its own. Prisma's wasm schema engine runs one diff
 * per process (see diff-schema.ts), and test files share their worker's modules, so each diff a
 * test makes gets a fresh process (diff-schema-main.ts).
 */
export function diffSchemaInProcess(options: { schema?: string } = {}): Promise<string> {
  const main = fileURLToPath(new URL("./diff-schema-main.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main], { stdio: ["pipe", "pipe", "inherit"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`the schema diff process exited with code ${code}`));
      else resolve(JSON.parse(output) as string);
    });
    child.stdin.end(JSON.stringify(options));
  });
}
