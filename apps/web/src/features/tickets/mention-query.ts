/** A colleague the composer may mention: `handle` is what the server's mention parser reads back to them. */
export interface MentionCandidate {
  id: string;
  name: string;
  handle: string;
}

export interface MentionQuery {
  /** Index of the "@" in the text. */
  start: number;
  /** What was typed after it, up to the caret. */
  query: string;
}

const HANDLE_CHARS = /^[\p{L}\p{N}._-]*$/u;
const HANDLE_CHAR = /[\p{L}\p{N}._-]/u;
const MAX_QUERY = 40;
const MAX_SUGGESTIONS = 8;

/**
 * The mention being typed at the caret: an "@" that does not sit inside a word (not "ana@example"),
 * followed by at least one handle character and nothing else up to the caret. Null otherwise.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (query.length === 0 || !HANDLE_CHARS.test(query)) return null;
  const start = caret - before.length + at;
  const previous = text.slice(Math.max(0, start - 2), start);
  if (previous && HANDLE_CHAR.test(previous.slice(-1))) return null;
  return { start, query };
}

/** Colleagues whose name (any word) or handle starts with the query, name-prefix matches first. */
export function matchMentionCandidates(candidates: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const q = query.toLowerCase();
  const rank = (c: MentionCandidate): number => {
    const name = c.name.toLowerCase();
    if (name.startsWith(q) || c.handle.startsWith(q)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    return -1;
  };
  return candidates
    .map((c) => ({ c, r: rank(c) }))
    .filter(({ r }) => r >= 0)
    .sort((a, b) => a.r - b.r || a.c.name.localeCompare(b.c.name))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ c }) => c);
}

/** The text with the mention being typed replaced by "@handle " and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, caret: number, handle: string): { text: string; caret: number } {
  const token = `@${handle} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, mention.start) + token + after, caret: mention.start + token.length };
}
