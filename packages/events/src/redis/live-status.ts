/**
 * Liveness made of named parts (connections, command health): live only when every required
 * part is up. Listeners hear each change once, and the current state when they subscribe.
 */
export class LiveStatus {
  private readonly parts = new Map<string, boolean>();
  private readonly listeners = new Set<(live: boolean) => void>();
  private current = false;

  constructor(required: readonly string[]) {
    for (const part of required) this.parts.set(part, false);
    this.current = this.compute();
  }

  get live(): boolean {
    return this.current;
  }

  /** Adds a part (initially down) that must be up from now on. */
  require(part: string): void {
    if (!this.parts.has(part)) this.set({ [part]: false });
  }

  set(changes: Record<string, boolean>): void {
    for (const [part, up] of Object.entries(changes)) this.parts.set(part, up);
    const next = this.compute();
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  subscribe(listener: (live: boolean) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }

  private compute(): boolean {
    for (const up of this.parts.values()) if (!up) return false;
    return this.parts.size > 0;
  }
}
