import type { EventEmitter } from "node:events";

/** Resolves with the first emission of `event` whose arguments satisfy `match`; rejects after `timeoutMs`. */
export function waitForEmit<A extends unknown[]>(
  emitter: EventEmitter,
  event: string,
  match: (...args: A) => boolean = () => true,
  timeoutMs = 15_000
): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (...args: unknown[]) => {
      if (!match(...(args as A))) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args as A);
    };
    emitter.on(event, listener);
  });
}
