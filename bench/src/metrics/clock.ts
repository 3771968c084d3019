/**
 * Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one
 * machine (each process's timeOrigin is taken from the same system clock).
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
