/** @typedef {NonNullable<import("vitest/config").ViteUserConfig["test"]>} TestOptions */

/**
 * How every workspace runs its vitest files: one after another, in one worker that keeps its
 * modules from file to file (no isolation). Each file starts its own servers on its own database
 * and key prefix, so it needs no fresh modules; importing the Prisma client and the servers again
 * in a fresh process for every file cost more CPU than many files' tests, and files side by side
 * on a 2-core machine mostly competed for it. Turborepo runs the workspaces' suites side by side.
 * Limits suit a loaded machine: a test waits for its event or state, and ends as soon as it comes.
 * (Plain JavaScript: vitest loads its config files without compiling workspace packages.)
 * @param {TestOptions} [options]
 * @returns {TestOptions}
 */
export function suiteOptions(options = {}) {
  return { isolate: false, fileParallelism: false, testTimeout: 30_000, hookTimeout: 60_000, ...options };
}
