/**
 * Runs `signal` at once, then at most once per `ms` while calls keep coming (the last one is never
 * lost): views recompute on every signal, and a burst (an import of thousands of rows, a replay)
 * must not re-render them once per event, which would freeze the tab.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  constructor(
    private readonly signal: () => void,
    private readonly ms: number
  ) {}

  run(): void {
    if (this.timer !== undefined) {
      this.pending = true;
      return;
    }
    this.signal();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.pending) return;
      this.pending = false;
      this.run();
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
  }
}
