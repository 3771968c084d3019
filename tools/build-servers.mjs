// Compiles each server entry (and the workspace packages it imports, which export TypeScript
// source) into one ESM file, so images run `node dist/…js` instead of TypeScript through tsx.
// Dependencies from node_modules stay external: they are installed in the image.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Each output sits three folders below the root, like the sources whose `import.meta.url` paths it inherits (packages/db/src). */
export const SERVER_ENTRIES = [
  { name: "realtime", entry: "apps/realtime/src/main.ts", outfile: "apps/realtime/dist/main.js" },
  { name: "worker", entry: "apps/worker/src/main.ts", outfile: "apps/worker/dist/main.js" },
  { name: "pbx-connect", entry: "packages/pbx/src/cli/connect.ts", outfile: "packages/pbx/dist/connect.js" },
  { name: "web", entry: "apps/web/server.ts", outfile: "apps/web/dist/server.js" }
];

/** @param {typeof SERVER_ENTRIES} entries */
export async function buildServers(entries = SERVER_ENTRIES) {
  for (const { entry, outfile } of entries) {
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, outfile),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: true,
      plugins: [externalDependencies],
      logLevel: "warning",
      // ESM output still meets CommonJS-style code in bundled sources now and then.
      banner: { js: 'import { createRequire as __sbCreateRequire } from "node:module"; const require = __sbCreateRequire(import.meta.url);' }
    });
  }
}

/**
 * Whether `specifier`'s package is installed in the root's node_modules, where a bundle in an
 * app's dist folder finds it at run time.
 * @param {string} specifier
 */
function installedAtRoot(specifier) {
  if (specifier.startsWith("node:")) return true;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return existsSync(path.join(root, "node_modules", name ?? specifier, "package.json"));
}

/**
 * Bare imports stay external (node_modules, node:*), except @switchboard/* (workspace TypeScript
 * source) and dependencies npm installed inside a workspace's own node_modules, which the bundle
 * could not find at run time: those are bundled in.
 */
/** @type {import("esbuild").Plugin} */
const externalDependencies = {
  name: "external-dependencies",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@switchboard/") || !installedAtRoot(args.path) ? undefined : { path: args.path, external: true }
    );
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServers();
  console.log(`built ${SERVER_ENTRIES.map((e) => e.outfile).join(", ")}`);
}
