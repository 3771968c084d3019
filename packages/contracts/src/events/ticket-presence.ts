import { z } from "zod";
import type { Role } from "../domain/common";

/**
 * Collision detection on tickets ("Ana is viewing", "Ana is replying…"). Only staff who may read a
 * ticket may watch it or see who else is on it; customers neither appear nor see anyone.
 */
export const ticketPresenceLimits = {
  /** How many tickets one `ticket:observe` may cover (a list page's rows). */
  observeMax: 100,
  /** A client sends `ticket:typing` at most this often while the user keeps typing. */
  typingThrottleMs: 2_000,
  /** Typing shows for this long after the last `ticket:typing` unless refreshed or stopped. */
  typingTtlMs: 6_000
} as const;

export const ticketWatchSchema = z.strictObject({
  ticketId: z.uuid("ticketId must be a ticket's uuid"),
  /** The user already has a draft (e.g. after a reconnect): shown as replying at once. */
  composing: z.boolean().optional()
});
export type TicketWatch = z.infer<typeof ticketWatchSchema>;

export const ticketTypingSchema = z.strictObject({
  ticketId: z.uuid("ticketId must be a ticket's uuid"),
  /** false: stopped (sent, cleared the draft, left the field). */
  typing: z.boolean()
});
export type TicketTyping = z.infer<typeof ticketTypingSchema>;

export const ticketUnwatchSchema = z.strictObject({ ticketId: z.uuid("ticketId must be a ticket's uuid") });
export type TicketUnwatch = z.infer<typeof ticketUnwatchSchema>;

/** Replaces the set of tickets whose viewers this socket hears about (the rows of a list). */
export const ticketObserveSchema = z.strictObject({
  ticketIds: z.array(z.uuid("ticketIds must be ticket uuids")).max(ticketPresenceLimits.observeMax, `at most ${ticketPresenceLimits.observeMax} tickets`)
});
export type TicketObserve = z.infer<typeof ticketObserveSchema>;

/** One person on a ticket: all their tabs on every node, merged. */
export type TicketWatcher = {
  userId: string;
  name: string;
  role: Role;
  /** Replying in at least one tab. */
  typing: boolean;
  /** When their first tab opened the ticket (ISO). */
  since: string;
};

/**
 * Everyone on a ticket right now. `at` orders snapshots (ms, one clock for the whole cluster):
 * a client keeps the newest and ignores one older than what it has.
 */
export type TicketViewers = { ticketId: string; viewers: TicketWatcher[]; at: number };
