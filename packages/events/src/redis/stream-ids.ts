/** Redis stream ids are `<ms>-<seq>`; compare them numerically, never as strings. */
function parseStreamId(id: string): [bigint, bigint] {
  const match = /^(\d+)-(\d+)$/.exec(id);
  if (!match?.[1] || !match[2]) throw new Error(`not a stream id: ${id}`);
  return [BigInt(match[1]), BigInt(match[2])];
}

export function compareStreamIds(a: string, b: string): number {
  const [am, as] = parseStreamId(a);
  const [bm, bs] = parseStreamId(b);
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

/** The org streams use `<seq>-0` as id, so the id is the event's seq. */
export function seqOfOrgStreamId(id: string): number {
  return Number(parseStreamId(id)[0]);
}

export function orgStreamId(seq: number): string {
  return `${seq}-0`;
}

/** Field list of a stream entry (`[k1, v1, k2, v2, ...]`) as a lookup. */
export function entryFields(fields: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const key = fields[i];
    const value = fields[i + 1];
    if (key !== undefined && value !== undefined) map.set(key, value);
  }
  return map;
}

export interface StreamInfo {
  lastGeneratedId: string;
  /** Highest id ever trimmed or deleted ("0-0" if none); Redis 7+. */
  maxDeletedEntryId: string | null;
  firstEntryId: string | null;
}

/** Parses the flat reply of `XINFO STREAM <key>` (without FULL). */
export function parseStreamInfo(reply: unknown): StreamInfo {
  if (!Array.isArray(reply)) throw new Error("unexpected XINFO STREAM reply");
  const info = new Map<string, unknown>();
  for (let i = 0; i + 1 < reply.length; i += 2) info.set(String(reply[i]), reply[i + 1]);
  const first = info.get("first-entry");
  const maxDeleted = info.get("max-deleted-entry-id");
  return {
    lastGeneratedId: String(info.get("last-generated-id") ?? "0-0"),
    maxDeletedEntryId: typeof maxDeleted === "string" ? maxDeleted : null,
    firstEntryId: Array.isArray(first) && typeof first[0] === "string" ? first[0] : null
  };
}

export function isNoSuchKeyError(error: unknown): boolean {
  return error instanceof Error && /no such key/i.test(error.message);
}
