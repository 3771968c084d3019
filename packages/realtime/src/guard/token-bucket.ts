/**
 * A token bucket that is allowed to go into debt: a burst past the limit is only refused, while
 * a client that keeps sending faster than the refill sinks to -burst and is dropped.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now = Date.now()
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Spends one token; false = over the limit for now. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0;
  }

  /** Gives back the token of a refused request. */
  refund(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** Deep enough in debt that the client is flooding, not bursting. */
  exhausted(): boolean {
    return this.tokens < -this.burst;
  }
}
