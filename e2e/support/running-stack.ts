import type { Stack } from "./stack";

/**
 * Global setup and teardown run in the same runner process but may load this module separately;
 * the stack they share therefore lives on globalThis.
 */
interface Running {
  stack: Stack;
  closeControl(): Promise<void>;
}

const KEY = Symbol.for("switchboard.e2e.stack");
const registry = globalThis as typeof globalThis & { [KEY]?: Running };

export function rememberRunningStack(running: Running): void {
  registry[KEY] = running;
}

export function takeRunningStack(): Running | undefined {
  const running = registry[KEY];
  delete registry[KEY];
  return running;
}
