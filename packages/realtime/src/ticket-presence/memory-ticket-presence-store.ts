import type { TicketViewers } from "@switchboard/contracts";
import { viewersOf, type TicketPresenceStore, type TypingChange, type WatchEntry, type WatchInput } from "./ticket-presence-store";

/** Single-node ticket presence (embedded mode): same expiry rules as Redis, on this process's clock. */
export class MemoryTicketPresenceStore implements TicketPresenceStore {
  readonly kind = "memory" as const;
  private readonly tickets = new Map<string, Map<string, WatchEntry>>();

  constructor(private readonly options: { ttlMs: number; typingTtlMs: number; now?: () => number }) {}

  async start(): Promise<void> {}

  async put(ticketId: string, input: WatchInput, typing: TypingChange): Promise<TicketViewers> {
    this.write(ticketId, input, typing);
    return this.snapshot(ticketId);
  }

  async remove(ticketId: string, socketId: string): Promise<TicketViewers> {
    this.tickets.get(ticketId)?.delete(socketId);
    return this.snapshot(ticketId);
  }

  async read(ticketIds: readonly string[]): Promise<TicketViewers[]> {
    return ticketIds.map((id) => this.snapshot(id));
  }

  async refresh(entries: ReadonlyArray<{ ticketId: string; input: WatchInput }>): Promise<void> {
    for (const { ticketId, input } of entries) this.write(ticketId, input, "keep");
  }

  async close(_graceful: boolean): Promise<void> {
    this.tickets.clear();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private write(ticketId: string, input: WatchInput, typing: TypingChange): void {
    const now = this.now();
    const entries = this.tickets.get(ticketId) ?? new Map<string, WatchEntry>();
    this.tickets.set(ticketId, entries);
    const previous = entries.get(input.socketId);
    const typingUntil = typing === "keep" ? (previous?.typingUntil ?? 0) : typing ? now + this.options.typingTtlMs : 0;
    entries.set(input.socketId, { ...input, typingUntil, expiresAt: now + this.options.ttlMs });
  }

  private snapshot(ticketId: string): TicketViewers {
    const now = this.now();
    const entries = this.tickets.get(ticketId);
    if (entries) {
      for (const [socketId, entry] of entries) if (entry.expiresAt <= now) entries.delete(socketId);
      if (entries.size === 0) this.tickets.delete(ticketId);
    }
    return viewersOf(ticketId, entries?.values() ?? [], now);
  }
}
