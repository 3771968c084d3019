/** How long a row changed by someone else stays marked (the CSS animation is shorter). */
export const FLASH_MS = 2500;

/** A row changed by someone else: which of its fields (null: the whole row, e.g. just created). */
export type Flash = { fields: readonly string[] | null };
export type Flashes = ReadonlyMap<string, Flash>;

const EMPTY: Flashes = new Map();

/**
 * The rows others just changed, by subject id, for lists to flash briefly. An external store: the
 * snapshot is replaced on every change so React sees it.
 */
export class FlashStore {
  private flashes: Flashes = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  add(id: string, fields: readonly string[] | null): void {
    clearTimeout(this.timers.get(id));
    this.update((next) => next.set(id, { fields }));
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        this.update((next) => next.delete(id));
      }, FLASH_MS)
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Flashes => this.flashes;

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private update(change: (next: Map<string, Flash>) => void): void {
    const next = new Map(this.flashes);
    change(next);
    this.flashes = next;
    for (const listener of this.listeners) listener();
  }
}

/** The subset of an event worth flashing: created or updated rows (deleted ones are gone). */
export function flashOf(event: { type: string; subject: { id: string }; data: unknown }): { id: string; fields: readonly string[] | null } | null {
  const verb = event.type.slice(event.type.indexOf(".") + 1);
  if (verb !== "created" && verb !== "updated") return null;
  const changes = (event.data as { changes?: Record<string, unknown> } | null)?.changes;
  return { id: event.subject.id, fields: verb === "updated" && changes ? Object.keys(changes) : null };
}
