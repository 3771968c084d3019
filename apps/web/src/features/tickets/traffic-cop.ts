import type { TicketReplyView } from "@switchboard/contracts";

/**
 * Replies by others that arrived while the viewer was composing: those not among the replies
 * known when the draft was started (`baseline`; null while the composer is empty).
 */
export function repliesWhileComposing(replies: readonly TicketReplyView[], baseline: ReadonlySet<string> | null, viewerId: string): TicketReplyView[] {
  if (baseline === null) return [];
  return replies.filter((reply) => !baseline.has(reply.id) && reply.authorId !== viewerId);
}

/** "Ana Agent replied" / "Ana Agent and Bo Agent replied" / "3 people replied". */
export function trafficCopMessage(replies: readonly TicketReplyView[]): string {
  const names = [...new Set(replies.map((reply) => reply.authorName))];
  if (names.length === 1) return `${names[0]} replied while you were writing.`;
  if (names.length === 2) return `${names[0]} and ${names[1]} replied while you were writing.`;
  return `${names.length} people replied while you were writing.`;
}
