/**
 * Turns keystrokes into at most one "typing" message per interval, and one "stopped" when the
 * user sends or clears the draft. The server lets typing run out a few seconds after the last
 * message, so a user who just stops typing disappears without any message at all.
 */
export class TypingThrottle {
  private lastSent = Number.NEGATIVE_INFINITY;
  private typing = false;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** A keystroke. */
  notify(): void {
    const now = this.now();
    if (this.typing && now - this.lastSent < this.intervalMs) return;
    this.typing = true;
    this.lastSent = now;
    this.send(true);
  }

  /** Sent, cleared, or left the reply box: only says so if it had said "typing". */
  stop(): void {
    if (!this.typing) return;
    this.typing = false;
    this.lastSent = Number.NEGATIVE_INFINITY;
    this.send(false);
  }

  /** Whether the user has a live draft (re-announced after a reconnect). */
  get composing(): boolean {
    return this.typing;
  }

  /** The server forgot (reconnect): the next keystroke must send again. */
  reset(): void {
    this.lastSent = Number.NEGATIVE_INFINITY;
  }
}
