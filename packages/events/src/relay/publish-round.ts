import { toEnvelope, type OutboxEnvelopeRow } from "@switchboard/db";
import type { EventLog } from "../event-log";
import type { RelayDatabase } from "./prune-published";

/** Advisory-lock class of the relay (two-key form, so it never collides with single-key locks). */
const RELAY_LOCK_CLASS = 7_270_001;

export interface PendingOrg {
  orgId: string;
  pending: number;
  oldest: Date;
  locked: boolean;
}

export interface RoundOutcome {
  published: number;
  /** Some organization had more rows than this round took: run another round right away. */
  more: boolean;
}

/**
 * One relay round, for every organization with unpublished events at once, in one transaction:
 *
 * 1. try-lock each pending organization's advisory lock (never waits; an org another relay holds
 *    is that relay's to publish, and it retries on failure);
 * 2. mark the first `perOrg` unpublished rows of each locked org published and read them back
 *    (one UPDATE … RETURNING: the statement's snapshot is taken after the locks, so it never sees
 *    rows another relay published before we got the lock);
 * 3. append them to the log (each org's rows in seq order), then commit.
 *
 * If the append fails, the transaction rolls back and nothing is marked; the append is idempotent
 * per (org, seq), so rows a failed round did get into the log are skipped when retried. Each org's
 * rows are always the lowest unpublished seqs (a prefix), and because seq follows commit order,
 * every row below a visible row is already visible: a late committer is never skipped.
 *
 * The round costs the same four statements whether it carries one event or thousands: under load
 * the relay falls behind by at most one round, and the next round takes everything that arrived.
 */
export async function publishRound(
  database: RelayDatabase,
  log: EventLog,
  batchSize: number,
  /** Called with every organization that has unpublished events, the most lagging first, before
   * anything is appended (so a failing append still reports the backlog). */
  onScan: (orgs: readonly PendingOrg[]) => void
): Promise<RoundOutcome> {
  return database.raw.$transaction(
    async (tx) => {
      const scanned = await tx.$queryRawUnsafe<{ org_id: string; pending: number | bigint; oldest: Date | string; locked: boolean }[]>(
        `SELECT p.org_id, p.pending, p.oldest, pg_try_advisory_xact_lock($1::int, hashtext(p.org_id)) AS locked
           FROM (SELECT organization_id::text AS org_id, count(*)::int AS pending, min(created_at) AS oldest
                   FROM outbox_events WHERE published_at IS NULL
                  GROUP BY organization_id) p
          ORDER BY p.oldest`,
        RELAY_LOCK_CLASS
      );
      const orgs = scanned.map((r) => ({ orgId: r.org_id, pending: Number(r.pending), oldest: new Date(r.oldest), locked: r.locked }));
      onScan(orgs);
      const locked = orgs.filter((o) => o.locked);
      if (locked.length === 0) return { published: 0, more: false };
      const perOrg = Math.max(1, Math.ceil(batchSize / locked.length));
      const rows = await tx.$queryRawUnsafe<OutboxEnvelopeRow[]>(
        `UPDATE outbox_events o SET published_at = now()
           FROM jsonb_array_elements_text($1::jsonb) AS org(id)
           CROSS JOIN LATERAL (
             SELECT e.id FROM outbox_events e
              WHERE e.organization_id = org.id::uuid AND e.published_at IS NULL
              ORDER BY e.seq LIMIT $2
           ) pick
          WHERE o.id = pick.id
          RETURNING o.id::text AS "id", o.organization_id::text AS "organizationId", o.seq, o.type, o.actor_id::text AS "actorId",
                    o.actor_name AS "actorName", o.subject_kind AS "subjectKind", o.subject_id AS "subjectId", o.data::text AS "data",
                    o.created_at AS "createdAt"`,
        JSON.stringify(locked.map((o) => o.orgId)),
        perOrg
      );
      if (rows.length === 0) return { published: 0, more: false };
      // UPDATE … RETURNING has no order: restore each org's seq order (orgs in lag order).
      const rank = new Map(locked.map((o, i) => [o.orgId, i]));
      // data is selected as JSON text.
      const events = rows.map((row) => toEnvelope({ ...row, data: typeof row.data === "string" ? (JSON.parse(row.data) as unknown) : row.data }));
      events.sort((a, b) => (rank.get(a.orgId) ?? 0) - (rank.get(b.orgId) ?? 0) || a.seq - b.seq);
      await log.append(events);
      const more = locked.some((o) => o.pending > perOrg);
      return { published: events.length, more };
    },
    { maxWait: 10_000, timeout: 60_000 }
  );
}
