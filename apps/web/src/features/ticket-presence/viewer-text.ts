import type { TicketViewers, TicketWatcher } from "@switchboard/contracts";

/** The newer of two viewer lists of the same ticket (lists from different nodes may arrive out of order). */
export function newerViewers(current: TicketViewers | undefined, incoming: TicketViewers): TicketViewers {
  return current && current.at > incoming.at ? current : incoming;
}

/** Everyone on the ticket but you. */
export function othersOf(viewers: readonly TicketWatcher[], currentUserId: string): TicketWatcher[] {
  return viewers.filter((v) => v.userId !== currentUserId);
}

/** First names read better in a sentence ("Ana is viewing"); the full name is on the avatar. */
function shortName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(" and ");
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}

/**
 * What the others are doing, one sentence per activity, replying first:
 * ["Ana is replying…", "Bo and Cy are viewing"]. Empty when nobody else is there.
 */
export function describeViewers(others: readonly TicketWatcher[]): string[] {
  const typing = others.filter((v) => v.typing).map((v) => shortName(v.name));
  const viewing = others.filter((v) => !v.typing).map((v) => shortName(v.name));
  const sentences: string[] = [];
  if (typing.length) sentences.push(`${joinNames(typing)} ${typing.length === 1 ? "is" : "are"} replying…`);
  if (viewing.length) sentences.push(`${joinNames(viewing)} ${viewing.length === 1 ? "is" : "are"} viewing`);
  return sentences;
}

/** Initials for an avatar: "Ana Lima" → "AL". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p?.[0]?.toUpperCase() ?? "").join("") || "?";
}
