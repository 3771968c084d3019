/**
 * Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one
 * machine (each process's timeOrigin is taken from the same system clock).
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * CLOCK_MONOTONIC in microseconds: the clock V8 stamps CPU profile samples with, so the
 * benchmark's phases can be cut out of a server's profile.
 */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
