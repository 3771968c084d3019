import type { DomainEvent } from "@switchboard/contracts";
import type { EventLog, ReadResult } from "@switchboard/events";

/**
 * A real event log with a hand on the timing, to make replay races deterministic: the next read
 * can be held before or after it reads, and live delivery can be held back (a lagging subscriber).
 */
export class GatedLog implements EventLog {
  readonly kind: EventLog["kind"];
  private readGate: { when: "before" | "after"; entered: () => void; release: Promise<void> } | undefined;
  private holding: DomainEvent[] | undefined;
  private readonly listeners = new Set<(event: DomainEvent) => void>();
  private readonly resetListeners = new Set<() => void>();

  constructor(private readonly inner: EventLog) {
    this.kind = inner.kind;
    inner.subscribe((event) => {
      if (this.holding) this.holding.push(event);
      else for (const listener of this.listeners) listener(event);
    });
  }

  /** Holds the next readSince; resolves `entered` once a read is held, releases with `open()`. */
  holdNextRead(when: "before" | "after"): { entered: Promise<void>; open: () => void } {
    let open = () => undefined as void;
    let entered = () => undefined as void;
    const enteredPromise = new Promise<void>((resolve) => (entered = resolve));
    const release = new Promise<void>((resolve) => (open = resolve));
    this.readGate = { when, entered, release };
    return { entered: enteredPromise, open };
  }

  /** Live events are queued (not delivered) until `releaseLive()`. */
  holdLive(): void {
    this.holding ??= [];
  }

  releaseLive(): void {
    const held = this.holding ?? [];
    this.holding = undefined;
    for (const event of held) for (const listener of this.listeners) listener(event);
  }

  async readSince(orgId: string, afterSeq: number): Promise<ReadResult> {
    const gate = this.readGate;
    this.readGate = undefined;
    if (gate?.when === "before") {
      gate.entered();
      await gate.release;
    }
    const result = await this.inner.readSince(orgId, afterSeq);
    if (gate?.when === "after") {
      gate.entered();
      await gate.release;
    }
    return result;
  }

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    return this.inner.start();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  append(events: readonly DomainEvent[]): Promise<void> {
    return this.inner.append(events);
  }
  onStatus(listener: (live: boolean) => void): () => void {
    return this.inner.onStatus(listener);
  }
  isLive(): boolean {
    return this.inner.isLive();
  }
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    const off = this.inner.onReset(listener);
    return () => {
      this.resetListeners.delete(listener);
      off();
    };
  }

  /** What the Redis log does when its subscription lost its place (e.g. trimmed past it). */
  signalReset(): void {
    for (const listener of this.resetListeners) listener();
  }
}
