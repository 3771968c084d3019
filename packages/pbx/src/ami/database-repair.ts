import type { Logger } from "pino";
import { backoffDelay, type BackoffOptions } from "./backoff";

/** A database restart takes seconds: probe often, but never hammer one that stays down. */
const PROBE_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 5_000 };

/**
 * Probes the database with backoff until it answers, then runs `repair` once. The probe is a
 * cheap read; `cancel` stops it (the connector stopping).
 */
export class DatabaseRepair {
  private timer: NodeJS.Timeout | undefined;
  private cancelled = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly repair: () => Promise<void>,
    private readonly log: Logger,
    private readonly random: () => number = Math.random
  ) {
    this.schedule(1);
  }

  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
  }

  private schedule(attempt: number): void {
    if (this.cancelled) return;
    this.timer = setTimeout(() => void this.attempt(attempt), backoffDelay(attempt, PROBE_BACKOFF, this.random));
    this.timer.unref();
  }

  private async attempt(attempt: number): Promise<void> {
    try {
      await this.probe();
    } catch {
      this.schedule(attempt + 1);
      return;
    }
    if (this.cancelled) return;
    await this.repair().catch((error: unknown) => this.log.error({ err: error }, "resync after the database outage failed"));
  }
}
