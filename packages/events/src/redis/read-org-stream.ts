import type { DomainEvent } from "@switchboard/contracts";
import type { Redis } from "ioredis";
import type { ReadResult, RetentionPolicy } from "../event-log";
import { decodePayload } from "./payload";
import { luaScript, runScript } from "./run-script";
import { entryFields, orgStreamId, seqOfOrgStreamId } from "./stream-ids";

type Entry = [id: string, fields: string[]];

/**
 * The newest and the oldest entry of a stream, read atomically. A script rather than MULTI: one
 * command, so it shares a write with the other commands of the tick (a connect's presence and caps
 * scripts, the other organizations' reads) where a MULTI is a write of its own.
 */
const STREAM_ENDS = luaScript(`return { redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1), redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1) }`);

/**
 * The events of one org stream after `afterSeq`, or "resync" when the log cannot prove it still
 * holds every one of them: more than `maxEvents` behind the head (the exact limit; Redis trims
 * approximately), the next one trimmed away or lost (Redis restarted empty and new events begin
 * past it), a hole inside the range, the next one older than `maxAgeMs`, or an unreadable entry.
 *
 * A reader at or past the head gets no events: the relay may simply not have published yet (a
 * console's seq can come from a database snapshot), and those events will arrive live.
 */
export async function readOrgStream(
  redis: Redis,
  key: string,
  afterSeq: number,
  retention: RetentionPolicy,
  onBadEntry: (reason: string) => void
): Promise<ReadResult> {
  const [newestEntries, oldestEntries] = (await runScript(redis, STREAM_ENDS, [key])) as [Entry[], Entry[]];
  const head = newestEntries[0];
  const first = oldestEntries[0];
  const headSeq = head ? seqOfOrgStreamId(head[0]) : 0;
  if (!head || !first || afterSeq >= headSeq) return { kind: "events", events: [], headSeq };

  const resync: ReadResult = { kind: "resync", headSeq };
  if (headSeq - afterSeq > retention.maxEvents) return resync;
  if (seqOfOrgStreamId(first[0]) > afterSeq + 1) return resync;

  const entries = (await redis.xrange(key, orgStreamId(afterSeq + 1), orgStreamId(headSeq))) as Entry[];
  const events: DomainEvent[] = [];
  let expected = afterSeq + 1;
  for (const [id, fields] of entries) {
    // Seqs are gap-free per organization; a hole means this Redis lost events (e.g. failover).
    if (seqOfOrgStreamId(id) !== expected) return resync;
    const decoded = decodePayload(entryFields(fields).get("payload"));
    if (!decoded.ok) {
      onBadEntry(`${id}: ${decoded.reason}`);
      return resync;
    }
    events.push(decoded.event);
    expected += 1;
  }
  // Trimmed between the two reads.
  if (events.length === 0) return resync;
  const oldest = events[0];
  if (oldest && Date.parse(oldest.at) < Date.now() - retention.maxAgeMs) return resync;
  return { kind: "events", events, headSeq };
}
