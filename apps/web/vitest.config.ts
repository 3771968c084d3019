import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { suiteOptions } from "@switchboard/vitest-config";

// "server-only" throws outside React's server bundle; tests run server code on plain Node, so point
// it at the package's own empty module (what Next resolves under the react-server condition).
const serverOnlyEmpty = path.join(path.dirname(createRequire(import.meta.url).resolve("server-only")), "empty.js");

export default defineConfig({
  resolve: { alias: { "server-only": serverOnlyEmpty, "@": path.resolve(import.meta.dirname, "src") } },
  test: suiteOptions({
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node"
  })
});
