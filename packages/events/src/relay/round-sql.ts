import type { PreparedStatement } from "@switchboard/db";

/** Advisory-lock class of the relay (two-key form, so it never collides with single-key locks). */
const RELAY_LOCK_CLASS = 7_270_001;

/** Where the scan leaves the organizations it locked, for the claim (transaction-local). */
const CLAIM_SETTING = "switchboard.relay_claim";

export interface ScannedRow {
  org_id: string;
  pending: number | bigint | string;
  oldest: Date | string;
  locked: boolean;
}

export interface ClaimedRow {
  id: string;
  organizationId: string;
  seq: bigint | number | string;
  type: string;
  actorId: string | null;
  actorName: string | null;
  subjectKind: string;
  subjectId: string;
  data: unknown;
  createdAt: Date | string;
}

/**
 * The round's planner setting (transaction-local): its reads of unpublished rows go through the
 * `published_at` index by plain index scans. Publishing a row writes a new version of it, and the
 * old one stays in that index as unpublished until VACUUM; a bitmap scan (what the planner
 * prefers for the scan's GROUP BY) visits every such version on every round, so its cost grew with
 * all publishing since the last VACUUM. A plain index scan marks the dead entries it meets, and
 * later rounds skip them.
 */
export const ROUND_SETTINGS_SQL = "SET LOCAL enable_bitmapscan = off";

/**
 * Every organization with unpublished events (most lagging first), each try-locked, and the locked
 * ones noted in a transaction-local setting for the claim. No parameters, so a prepared statement
 * of it is planned once (under the round's planner setting) and its plan serves every round.
 */
export function scanSql(): string {
  return `WITH scanned AS MATERIALIZED (
       SELECT p.org_id, p.pending, p.oldest, pg_try_advisory_xact_lock(${RELAY_LOCK_CLASS}, hashtext(p.org_id)) AS locked
         FROM (SELECT organization_id::text AS org_id, count(*)::int AS pending, min(created_at) AS oldest
                 FROM outbox_events WHERE published_at IS NULL
                GROUP BY organization_id) p
     )
     SELECT s.org_id, s.pending, s.oldest, s.locked,
            set_config('${CLAIM_SETTING}', (SELECT COALESCE(json_agg(org_id), '[]'::json)::text FROM scanned WHERE locked), true) AS claim
       FROM scanned s
      ORDER BY s.oldest`;
}

/**
 * Marks the first unpublished rows of each organization the scan locked published (the batch
 * shared evenly) and returns them. A statement of its own, so its snapshot is taken after the locks.
 */
export function claimSql(batchSize: number): string {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`relay batch size must be a positive integer, got ${batchSize}`);
  return `WITH claim AS (
       SELECT org.id FROM jsonb_array_elements_text(COALESCE(NULLIF(current_setting('${CLAIM_SETTING}', true), ''), '[]')::jsonb) AS org(id)
     ),
     share AS (SELECT GREATEST(1, CEIL(${batchSize}::numeric / GREATEST(1, count(*))))::int AS per_org FROM claim)
     UPDATE outbox_events o SET published_at = now()
       FROM claim CROSS JOIN share
       CROSS JOIN LATERAL (
         SELECT e.id FROM outbox_events e
          WHERE e.organization_id = claim.id::uuid AND e.published_at IS NULL
          ORDER BY e.seq LIMIT share.per_org
       ) pick
      WHERE o.id = pick.id
      RETURNING o.id::text AS "id", o.organization_id::text AS "organizationId", o.seq, o.type, o.actor_id::text AS "actorId",
                o.actor_name AS "actorName", o.subject_kind AS "subjectKind", o.subject_id AS "subjectId", o.data::text AS "data",
                o.created_at AS "createdAt"`;
}

/** The scan as the relay's connection keeps it prepared. */
export const SCAN_STATEMENT: PreparedStatement = { name: "switchboard_relay_scan", text: scanSql() };

const claimStatements = new Map<number, PreparedStatement>();

/**
 * The claim for `batchSize` as the relay's connection keeps it prepared (one name per batch size:
 * its text differs), made once per batch size rather than on every round.
 */
export function claimStatement(batchSize: number): PreparedStatement {
  let statement = claimStatements.get(batchSize);
  if (!statement) {
    statement = { name: `switchboard_relay_claim_${batchSize}`, text: claimSql(batchSize) };
    claimStatements.set(batchSize, statement);
  }
  return statement;
}
