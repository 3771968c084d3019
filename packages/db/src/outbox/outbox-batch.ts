import { processSingleton } from "@switchboard/config";
import { AsyncLocalStorage } from "node:async_hooks";
import { OUTBOX_CHANNEL } from "./outbox-listener";

/** An event written by a transaction, announced once it commits. */
export interface PendingEvent {
  id: string;
  orgId: string;
  seq: number;
  type: string;
  subjectKind: string;
  subjectId: string;
}

/** An outbox row made by the hooks, waiting for its transaction's end to be inserted. */
export interface QueuedEvent {
  orgId: string;
  id: string;
  type: string;
  subjectKind: string;
  subjectId: string;
  actorId: string | null;
  actorName: string | null;
  data: unknown;
}

/** What the outbox insert returns: each row's reserved seq (bigint, or as text from pg). */
export interface InsertedRow {
  id: string;
  seq: bigint | number | string;
}

/**
 * The outbox rows of one hooked transaction. The hooks queue them as they write; they are inserted
 * once, at the transaction's end, in one statement for every organization: with the COMMIT itself
 * where the driver's transaction takes them (`claim`, PostgreSQL through the pg adapter: written
 * with COMMIT, so no round trip of their own, and each organization's seq counter locked only while
 * the two run), or as the transaction's last statement otherwise.
 */
export class OutboxBatch {
  readonly queued: QueuedEvent[] = [];
  /** The inserted rows, in seq order per organization: what the transaction announces on commit. */
  readonly events: PendingEvent[] = [];
  /**
   * Set by the driver's transaction that claimed the batch: runs `first`, then `second` (Prisma
   * calls of this transaction), their statements written to PostgreSQL at once. Unset: one after
   * the other.
   */
  together?: <A, B>(first: () => PromiseLike<A>, second: () => PromiseLike<B>) => Promise<[A, B]>;
  private claimed = false;

  /** The driver's transaction takes the rows to its COMMIT (once: a transaction started inside this one's scope must not). */
  claim(): boolean {
    if (this.claimed) return false;
    this.claimed = true;
    return true;
  }

  get insertedWithCommit(): boolean {
    return this.claimed;
  }

  /** The insert as one parameterized statement ($1: the rows; its text never changes), or null when nothing is queued. */
  insertStatement(): { sql: string; rows: string } | null {
    if (this.queued.length === 0) return null;
    return { sql: insertSql("$1"), rows: this.rowsJson() };
  }

  /** Records what the insert returned: each queued event with its seq. */
  inserted(rows: readonly InsertedRow[]): void {
    const seqs = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    for (const e of this.queued) {
      const seq = seqs.get(e.id);
      if (seq === undefined) throw new Error(`the outbox insert returned no seq for event ${e.id}`);
      this.events.push({ id: e.id, orgId: e.orgId, seq, type: e.type, subjectKind: e.subjectKind, subjectId: e.subjectId });
    }
    this.queued.length = 0;
  }

  /** Each row with its position among its organization's rows (seq = first reserved + position). */
  private rowsJson(): string {
    const positions = new Map<string, number>();
    const rows = this.queued.map((e) => {
      const ord = (positions.get(e.orgId) ?? 0) + 1;
      positions.set(e.orgId, ord);
      return {
        org: e.orgId,
        ord,
        id: e.id,
        type: e.type,
        actor_id: e.actorId,
        actor_name: e.actorName,
        subject_kind: e.subjectKind,
        subject_id: e.subjectId,
        data: e.data
      };
    });
    return JSON.stringify(rows);
  }
}

/**
 * Reserves each organization's seqs from its counter row (incremented, and so locked, until
 * commit: a later transaction of the same organization waits, so seq order is commit order;
 * organizations locked in id order, so two transactions never wait on each other), inserts the
 * rows and queues one NOTIFY per organization, delivered on commit, to wake the relays.
 */
function insertSql(rows: string): string {
  return `WITH e AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset(${rows}::jsonb)
         AS e(org uuid, ord int, id uuid, type text, actor_id uuid, actor_name text, subject_kind text, subject_id text, data jsonb)
     ),
     counts AS (SELECT org, count(*)::bigint AS n FROM e GROUP BY org),
     reserved AS (
       INSERT INTO org_sequences (organization_id, value) SELECT org, n FROM counts ORDER BY org
       ON CONFLICT (organization_id) DO UPDATE SET value = org_sequences.value + EXCLUDED.value
       RETURNING organization_id, value
     ),
     notified AS (SELECT count(pg_notify('${OUTBOX_CHANNEL}', org::text)) AS n FROM counts)
     INSERT INTO outbox_events (id, organization_id, seq, type, actor_id, actor_name, subject_kind, subject_id, data)
     SELECT e.id, e.org, r.value - c.n + e.ord, e.type, e.actor_id, e.actor_name, e.subject_kind, e.subject_id, e.data
       FROM e JOIN counts c ON c.org = e.org JOIN reserved r ON r.organization_id = e.org CROSS JOIN notified
      ORDER BY e.org, e.ord
     RETURNING id::text AS id, seq`;
}

/**
 * The batch of the hooked transaction being started, for the driver adapter to claim (see
 * `serial-transactions.ts`). A process singleton for the same reason as the ambient transaction.
 */
export const batchStorage = processSingleton("outbox.batch", () => new AsyncLocalStorage<OutboxBatch>());
