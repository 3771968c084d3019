import path from "node:path";

/**
 * The workspace's layering as a lint rule (`switchboard/layout`):
 * - apps are entry points: nothing imports an app (`@switchboard/web`, `@switchboard/realtime-node`,
 *   the bench, the e2e suite or the repository's tools), and no file reaches into another workspace
 *   by a relative path;
 * - a client component (a file starting with "use client") ships to the browser: it never imports a
 *   server package, `server-only` or a Node built-in, and takes only types from `server/` modules.
 */

const APP_PACKAGES = ["@switchboard/web", "@switchboard/realtime-node", "@switchboard/bench", "@switchboard/e2e", "@switchboard/tools"];
const SERVER_PACKAGES = [
  "@switchboard/auth",
  "@switchboard/config",
  "@switchboard/db",
  "@switchboard/events",
  "@switchboard/mail",
  "@switchboard/pbx",
  "@switchboard/realtime"
];

const WORKSPACE_ROOT = /^(.*?\/(?:apps|packages)\/[^/]+|.*?\/(?:bench|e2e|tools))(?:\/|$)/;

/**
 * The folder of the workspace (apps/x, packages/x, bench, e2e, tools) holding `file`, or null.
 * @param {string} file
 * @returns {string | null}
 */
export function workspaceOf(file) {
  const match = WORKSPACE_ROOT.exec(file.split(path.sep).join("/"));
  return match?.[1] ?? null;
}

/** @param {string} specifier */
function packageOf(specifier) {
  const [scope, name] = specifier.split("/");
  return scope?.startsWith("@") && name ? `${scope}/${name}` : (scope ?? specifier);
}

/** @param {import("estree").Program} program */
function isClientComponent(program) {
  const first = program.body[0];
  return first?.type === "ExpressionStatement" && "directive" in first && first.directive === "use client";
}

/**
 * @param {{ importKind?: string, exportKind?: string, specifiers?: { importKind?: string, exportKind?: string }[] }} node
 */
function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

/**
 * @param {string} specifier
 * @param {boolean} typeOnly
 */
function clientProblem(specifier, typeOnly) {
  if (SERVER_PACKAGES.includes(packageOf(specifier))) return `a client component must not import the server package ${packageOf(specifier)}`;
  if (specifier === "server-only") return "a client component must not import server-only code";
  if (specifier.startsWith("node:")) return `a client component must not import the Node built-in ${specifier}`;
  if (!typeOnly && /(^|\/)server(\/|$)/.test(specifier)) return `a client component may import only types from server modules (${specifier})`;
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
const layoutRule = {
  meta: {
    type: "problem",
    docs: { description: "apps import packages only; client components import no server code" },
    schema: []
  },
  create(context) {
    const file = context.filename;
    const ownWorkspace = workspaceOf(file);
    let client = false;

    /**
     * @param {import("eslint").Rule.Node} node
     * @param {unknown} specifier
     * @param {boolean} typeOnly
     */
    function check(node, specifier, typeOnly) {
      if (typeof specifier !== "string") return;
      if (APP_PACKAGES.includes(packageOf(specifier))) {
        context.report({ node, message: `${packageOf(specifier)} is an app: apps are entry points, import a package instead` });
        return;
      }
      if (specifier.startsWith(".") && ownWorkspace) {
        const target = path.resolve(path.dirname(file), specifier).split(path.sep).join("/");
        if (!`${target}/`.startsWith(`${ownWorkspace}/`)) {
          context.report({ node, message: `${specifier} reaches into another workspace: import it by its package name` });
          return;
        }
      }
      if (client) {
        const problem = clientProblem(specifier, typeOnly);
        if (problem) context.report({ node, message: problem });
      }
    }

    return {
      Program(program) {
        client = isClientComponent(program);
      },
      /** @param {import("eslint").Rule.Node & { source?: { value: unknown } | null }} node */
      "ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration"(node) {
        if (node.source) check(node, node.source.value, isTypeOnly(/** @type {Parameters<typeof isTypeOnly>[0]} */ (node)));
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value, false);
      }
    };
  }
};

export const layoutPlugin = { rules: { layout: layoutRule } };
