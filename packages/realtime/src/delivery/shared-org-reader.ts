import type { EventLog, ReadResult } from "@switchboard/events";
import { Coalescer } from "./coalescer";

/**
 * Reads wait this long for others (of any org) to share their write to Redis: at a few hundred
 * connects a second over many orgs, each read was a write of its own.
 */
const READ_GATHER_MS = 5;

/**
 * What a replay read found: the log's answer, or "lost" when the log ends before events the relay
 * already published (Redis restarted empty or from an older snapshot): `headSeq` is then the
 * published head, which the console's refetched snapshot covers.
 */
export type ReplayRead = ReadResult | { kind: "lost"; headSeq: number };

/**
 * readSince for many sockets of one organization with one read of the log: a reconnect storm
 * asks for the same org stream thousands of times, each with its own lastSeq. One XRANGE from the
 * lowest lastSeq (decoded and validated once) answers everyone at or above it: an individual read
 * from a higher seq would return the same events past that seq, with the same head, and could not
 * be a resync when the lower one is not. Only when the shared read is a resync (past retention),
 * the others are read on their own. A read never starts before the request (see Coalescer).
 *
 * The log can only vouch for the events it holds. Before reading it, the batch asks the database
 * how far the relay has published (`publishedSeq`): a published event is in the log before it is
 * marked, so a log read after that answer that ends below it has lost events, and the consoles that
 * needed them resync. Events past the published head are not lost: they arrive live. A request may
 * bring that answer with it (a handshake reads it with the user, before the socket asks): a batch
 * whose every request did uses the highest of them instead of asking again.
 */
export class SharedOrgReader {
  private readonly reads: Coalescer<string, ReadRequest, ReplayRead>;

  constructor(
    private readonly log: Pick<EventLog, "readSince">,
    private readonly publishedSeq: (orgId: string) => Promise<number>
  ) {
    this.reads = new Coalescer((orgId, requests) => this.readAll(orgId, requests), { gatherMs: READ_GATHER_MS });
  }

  /** `published`: the relay's published head as the database said it before this request, if known. */
  readSince(orgId: string, afterSeq: number, published?: number): Promise<ReplayRead> {
    // A bad seq fails on its own, not the batch it would have joined.
    if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) return this.log.readSince(orgId, afterSeq);
    return this.reads.request(orgId, { afterSeq, published });
  }

  private async readAll(orgId: string, requests: readonly ReadRequest[]): Promise<ReplayRead[]> {
    const afterSeqs = requests.map((r) => r.afterSeq);
    const known = requests.flatMap((r) => (r.published === undefined ? [] : [r.published]));
    const published = known.length === requests.length ? Math.max(...known) : await this.publishedSeq(orgId);
    const lowest = Math.min(...afterSeqs);
    const shared = await this.log.readSince(orgId, lowest);
    return Promise.all(
      afterSeqs.map(async (afterSeq) => {
        let read = shared;
        if (afterSeq !== lowest) {
          read =
            shared.kind === "resync"
              ? await this.log.readSince(orgId, afterSeq)
              : { kind: "events", events: shared.events.filter((e) => e.seq > afterSeq), headSeq: shared.headSeq };
        }
        return vouch(read, afterSeq, published);
      })
    );
  }
}

interface ReadRequest {
  afterSeq: number;
  published: number | undefined;
}

/** A read the log cannot vouch for up to the published head becomes "lost"; a resync never points below that head. */
function vouch(read: ReadResult, afterSeq: number, published: number): ReplayRead {
  if (read.kind === "resync") return { kind: "resync", headSeq: Math.max(read.headSeq, published) };
  if (published > Math.max(afterSeq, read.headSeq)) return { kind: "lost", headSeq: published };
  return read;
}
