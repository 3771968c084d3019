import type { EventLog, ReadResult } from "@switchboard/events";
import { Coalescer } from "./coalescer";

/**
 * readSince for many sockets of one organization with one read of the log: a reconnect storm
 * asks for the same org stream thousands of times, each with its own lastSeq. One XRANGE from the
 * lowest lastSeq (decoded and validated once) answers everyone at or above it: an individual read
 * from a higher seq would return the same events past that seq, with the same head, and could not
 * be a resync when the lower one is not. Only when the shared read is a resync (past retention),
 * the others are read on their own. A read never starts before the request (see Coalescer).
 */
export class SharedOrgReader {
  private readonly reads: Coalescer<string, number, ReadResult>;

  constructor(private readonly log: Pick<EventLog, "readSince">) {
    this.reads = new Coalescer((orgId, afterSeqs) => this.readAll(orgId, afterSeqs));
  }

  readSince(orgId: string, afterSeq: number): Promise<ReadResult> {
    // A bad seq fails on its own, not the batch it would have joined.
    if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) return this.log.readSince(orgId, afterSeq);
    return this.reads.request(orgId, afterSeq);
  }

  private async readAll(orgId: string, afterSeqs: readonly number[]): Promise<ReadResult[]> {
    const lowest = Math.min(...afterSeqs);
    const shared = await this.log.readSince(orgId, lowest);
    return Promise.all(
      afterSeqs.map(async (afterSeq) => {
        if (afterSeq === lowest) return shared;
        if (shared.kind === "resync") return this.log.readSince(orgId, afterSeq);
        return { kind: "events", events: shared.events.filter((e) => e.seq > afterSeq), headSeq: shared.headSeq } satisfies ReadResult;
      })
    );
  }
}
