// @ts-check
// `npm test`'s entry: checks the Node.js version and the temporary folder in plain JavaScript first
// (it runs on any Node.js, and tsx itself needs the temporary folder), then runs the TypeScript
// set-up through tsx in this same process, so signals and the exit status need no relaying.
// Usage: node tools/test-setup.mjs --help
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { exitUnlessNodeFits } from "./check-node.mjs";

exitUnlessNodeFits("npm test");
try {
  rmSync(mkdtempSync(path.join(tmpdir(), "switchboard-write-check-")), { recursive: true });
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`npm test cannot run:\n  - the temporary folder ${tmpdir()} cannot be written (${reason}); set TMPDIR to a folder you can write to`);
  process.exit(1);
}
import("tsx/esm/api")
  .then((tsx) => tsx.tsImport("./src/test-setup/main.ts", import.meta.url))
  .then((setup) => setup.main(process.argv.slice(2)))
  .then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
