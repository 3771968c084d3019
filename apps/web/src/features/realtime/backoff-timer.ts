import { backoffDelay } from "./connection-status";

/** Runs `fn` once after a delay that grows (with jitter) each time it is scheduled again, until reset. */
export class BackoffTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(private readonly fn: () => void) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.fn, backoffDelay(this.attempt++));
  }

  reset(): void {
    this.attempt = 0;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
