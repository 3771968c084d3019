import type { Logger } from "pino";

export interface ShutdownOptions {
  /** Exit with code 1 if the steps have not finished by then. */
  forceAfterMs?: number;
}

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits 0 (1 if it throws or overruns). `on`, not
 * `once`: under `npm start` the signal can arrive twice (the process group's, then tsx relaying
 * it), and a second one without a handler would kill the process mid-shutdown.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>, options: ShutdownOptions = {}): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), options.forceAfterMs ?? 10_000);
    force.unref();
    stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      }
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
