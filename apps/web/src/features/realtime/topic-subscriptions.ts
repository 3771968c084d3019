import { MAX_TOPICS_PER_SOCKET, type Ack, type Topic, type TopicsSubscribed } from "@switchboard/contracts";
import { BackoffTimer } from "./backoff-timer";
import type { EventBuffer } from "./event-buffer";
import { isDroppable, newEntry, nextReleaseDue, type Entry } from "./topic-entry";

/** A subscription refused by the connection's rate limit is asked for again this much later (the node refills 2 a second). */
export const RETRY_DELAY_MS = 1000;

/** What the subscriptions need of the socket. */
export interface TopicTransport {
  connected(): boolean;
  subscribe(request: { topics: Topic[]; since: number }, done: (ack: Ack<TopicsSubscribed>) => void): void;
  unsubscribe(topics: Topic[]): void;
}

/**
 * The topics this tab's views show, counted per view: the first view of a topic subscribes to it
 * (batched with every other topic asked for in the same tick, so a page costs one request), the
 * last one's release unsubscribes it RELEASE_DELAY_MS later. The handshake names them all, so a
 * reconnect resumes each where it stood. The buffer learns from here where each topic is covered.
 */
export class TopicSubscriptions {
  private readonly entries = new Map<Topic, Entry>();
  private connection = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private sweepTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** After a failed answer, the next attempt waits longer each time until one succeeds. */
  private readonly retryFailed = new BackoffTimer(() => this.flush());

  constructor(
    private readonly buffer: EventBuffer,
    private readonly transport: TopicTransport,
    /** A topic became held, was dropped, or failed: views re-read the buffer, the status re-reads `lagging`. */
    private readonly changed: () => void
  ) {}

  /** Holds `topics` for a view whose snapshot was read at `since`; the returned function releases them. */
  acquire(topics: readonly Topic[], since: number): () => void {
    const unique = [...new Set(topics)];
    for (const topic of unique) {
      const entry = this.entries.get(topic);
      if (!entry) {
        this.entries.set(topic, newEntry(since));
        this.scheduleFlush();
        continue;
      }
      entry.refs++;
      entry.releasedAt = null;
      if (entry.state === "queued") entry.since = Math.min(entry.since, since);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(unique);
    };
  }

  /** A view shows a topic the node failed to subscribe: its changes since the view's snapshot wait for the next attempt. */
  lagging(): boolean {
    for (const entry of this.entries.values()) if (entry.failed && entry.refs > 0) return true;
    return false;
  }

  /** The topics held (acknowledged), for telling a backfill's events from live ones. */
  heldTopics(): ReadonlySet<string> {
    return new Set([...this.entries].filter(([, entry]) => entry.state === "held").map(([topic]) => topic));
  }

  /**
   * The handshake's topics for a new connection: each held one from the buffer's head, each not
   * yet held from its snapshot (or the head, when older). Topics no view uses are dropped here.
   */
  handshakeTopics(): Partial<Record<Topic, number>> {
    const head = this.buffer.headSeq;
    const named: Partial<Record<Topic, number>> = {};
    let count = 0;
    for (const [topic, entry] of [...this.entries]) {
      if (entry.refs === 0) {
        this.drop(topic);
        continue;
      }
      if (count === MAX_TOPICS_PER_SOCKET) {
        if (entry.state !== "held") entry.state = "queued";
        continue;
      }
      count++;
      if (entry.state === "held") {
        named[topic] = head;
        continue;
      }
      entry.state = "joining";
      entry.start = Math.min(entry.since, head);
      named[topic] = entry.start;
    }
    return named;
  }

  connected(): void {
    this.connection++;
    this.flush();
  }

  disconnected(): void {
    this.connection++;
    for (const entry of this.entries.values()) if (entry.state === "asked") entry.state = "queued";
  }

  /**
   * The connection's replay is over: its handshake's topics are held from where it started them
   * (`fromHead`: no word from the server, so only from the buffer's head on).
   */
  synced(fromHead = false): void {
    let any = false;
    for (const [topic, entry] of this.entries) {
      if (entry.state !== "joining") continue;
      entry.state = "held";
      entry.failed = false;
      this.buffer.cover(topic, fromHead ? this.buffer.headSeq : entry.start);
      any = true;
    }
    if (any) this.changed();
    this.scheduleSweep();
  }

  stop(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.sweepTimer);
    clearTimeout(this.retryTimer);
    this.retryFailed.stop();
    this.entries.clear();
  }

  private release(topics: readonly Topic[]): void {
    const now = Date.now();
    let lagged = false;
    for (const topic of topics) {
      const entry = this.entries.get(topic);
      if (!entry || entry.refs === 0) continue;
      entry.refs--;
      if (entry.refs === 0) entry.releasedAt = now;
      if (entry.refs === 0 && entry.failed) lagged = true;
    }
    // No view shows the failed topic any more: the console is not behind on what it shows.
    if (lagged) this.changed();
    this.scheduleSweep();
  }

  /** Every topic views asked for in this tick, in one request from the oldest snapshot among them. */
  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, 0);
  }

  private flush(): void {
    // Disconnected: the next handshake names them (a request now would be sent twice, on reconnect).
    if (!this.transport.connected()) return;
    const topics: Topic[] = [];
    let since = Number.POSITIVE_INFINITY;
    for (const [topic, entry] of this.entries) {
      if (entry.state !== "queued" || entry.refs === 0) continue;
      topics.push(topic);
      since = Math.min(since, entry.since);
      entry.state = "asked";
      entry.connection = this.connection;
    }
    if (topics.length > 0) this.send(topics, since);
  }

  private send(topics: Topic[], since: number): void {
    const connection = this.connection;
    this.transport.subscribe({ topics, since }, (ack) => this.answered(topics, since, connection, ack));
  }

  private answered(topics: Topic[], since: number, connection: number, ack: Ack<TopicsSubscribed>): void {
    if (connection !== this.connection) return;
    // Paging through tickets faster than the node allows: asked again shortly, from the same
    // snapshots, so the page does not stay without its live changes.
    if (!ack.ok && ack.error.code === "rate_limited") return this.retryLater(topics, connection);
    // The node could not check or follow it (its database failed): asked again, backing off, from
    // the same snapshots; until then the console says its live updates are delayed.
    if (!ack.ok && ack.error.code === "internal") return this.failed(topics, connection);
    // One topic refused refuses the whole batch: ask for each alone, so the others' views stay live.
    if (!ack.ok && topics.length > 1 && (ack.error.code === "forbidden" || ack.error.code === "not_found")) {
      for (const topic of topics) this.send([topic], since);
      return;
    }
    if (ack.ok) {
      this.retryFailed.reset();
      this.buffer.advanceTo(ack.data.seq);
    }
    // Refused (a topic this viewer may not follow, too many topics): never asked again; the views
    // keep their snapshots, patched by nothing before this moment.
    else console.warn(`realtime: could not follow ${topics.join(", ")}: ${ack.error.message}`);
    const from = ack.ok ? (ack.data.backfilled ? since : ack.data.seq) : this.buffer.headSeq;
    for (const topic of topics) {
      const entry = this.entries.get(topic);
      if (entry?.state !== "asked" || entry.connection !== connection) continue;
      entry.state = "held";
      entry.failed = false;
      this.buffer.cover(topic, from);
    }
    this.changed();
    this.scheduleSweep();
  }

  private retryLater(topics: readonly Topic[], connection: number): void {
    this.requeue(topics, connection, false);
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = undefined;
      this.flush();
    }, RETRY_DELAY_MS);
  }

  private failed(topics: readonly Topic[], connection: number): void {
    this.requeue(topics, connection, true);
    this.changed();
    this.retryFailed.schedule();
  }

  /** Asked again by the next flush; one released meanwhile is dropped unasked by the sweep. */
  private requeue(topics: readonly Topic[], connection: number, failed: boolean): void {
    for (const topic of topics) {
      const entry = this.entries.get(topic);
      if (entry?.state !== "asked" || entry.connection !== connection) continue;
      entry.state = "queued";
      entry.failed ||= failed;
    }
    this.scheduleSweep();
  }

  private scheduleSweep(): void {
    clearTimeout(this.sweepTimer);
    const due = nextReleaseDue(this.entries.values());
    if (due === null) return;
    this.sweepTimer = setTimeout(() => this.sweep(), Math.max(0, due - Date.now()));
  }

  /** Drops the topics released long enough ago. */
  private sweep(): void {
    const now = Date.now();
    const dropped: Topic[] = [];
    for (const [topic, entry] of [...this.entries]) {
      if (!isDroppable(entry, now)) continue;
      if (entry.state === "held") dropped.push(topic);
      this.drop(topic);
    }
    if (dropped.length > 0 && this.transport.connected()) this.transport.unsubscribe(dropped);
    this.scheduleSweep();
  }

  private drop(topic: Topic): void {
    this.entries.delete(topic);
    this.buffer.uncover(topic);
  }
}
