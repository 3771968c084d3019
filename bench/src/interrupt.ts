/**
 * Ctrl-C during a run: stop every process the bench started and drop its database, instead of
 * leaving orphaned nodes, workers and redis-servers behind.
 */
const cleanups = new Set<() => Promise<void> | void>();

export function onInterrupt(cleanup: () => Promise<void> | void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function installInterruptHandlers(): void {
  let interrupted = false;
  const handle = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the benchmark's processes...`);
    const timer = setTimeout(() => process.exit(130), 10_000);
    void Promise.allSettled([...cleanups].map((c) => Promise.resolve().then(c))).then(() => {
      clearTimeout(timer);
      process.exit(130);
    });
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
}
