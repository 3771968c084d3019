// @ts-check
// `npm test`'s entry: checks the Node.js version in plain JavaScript first (it runs on any Node.js),
// then runs the TypeScript set-up through tsx in this same process, so signals and the exit status
// need no relaying. Usage: node tools/test-setup.mjs --help
import { exitUnlessNodeFits } from "./check-node.mjs";

exitUnlessNodeFits("npm test");
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
