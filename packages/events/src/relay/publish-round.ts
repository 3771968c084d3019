import { toEnvelope, type OutboxEnvelopeRow } from "@switchboard/db";
import type { DomainEvent } from "@switchboard/contracts";
import type { EventLog } from "../event-log";
import type { RelayDatabase } from "./prune-published";
import { claimSql, claimStatement, ROUND_SETTINGS_SQL, SCAN_STATEMENT, scanSql, type ClaimedRow, type ScannedRow } from "./round-sql";

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

/** Called with every organization that has unpublished events, the most lagging first, before anything is appended. */
export type OnScan = (orgs: readonly PendingOrg[]) => void;

/**
 * One relay round, for every organization with unpublished events at once, in one transaction:
 *
 * 1. try-lock each pending organization's advisory lock (never waits; an org another relay holds
 *    is that relay's to publish, and it retries on failure) and note the orgs it got;
 * 2. mark the first rows of each locked org published and read them back (one UPDATE … RETURNING:
 *    the statement's snapshot is taken after the locks, so it never sees rows another relay
 *    published before we got the lock);
 * 3. append them to the log (each org's rows in seq order), then commit.
 *
 * If the append fails, the transaction rolls back and nothing is marked; the append is idempotent
 * per (org, seq), so rows a failed round did get into the log are skipped when retried. Each org's
 * rows are always the lowest unpublished seqs (a prefix), and because seq follows commit order,
 * every row below a visible row is already visible: a late committer is never skipped.
 *
 * The round costs the same whether it carries one event or thousands: under load the relay falls
 * behind by at most one round, and the next round takes everything that arrived. On PostgreSQL
 * it is two writes on a connection of its own (BEGIN, the planner setting, the scan and the UPDATE
 * together, the last two prepared: planned once per connection; COMMIT after the append);
 * embedded, the same statements run in a Prisma transaction.
 */
export async function publishRound(database: RelayDatabase, log: EventLog, batchSize: number, onScan: OnScan): Promise<RoundOutcome> {
  const direct = database.direct;
  if (direct) return publishDirect(direct, log, batchSize, onScan);
  return database.raw.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(ROUND_SETTINGS_SQL);
      const scanned = await tx.$queryRawUnsafe<ScannedRow[]>(scanSql());
      const claimed = await tx.$queryRawUnsafe<ClaimedRow[]>(claimSql(batchSize));
      return appendClaimed(log, batchSize, scanned, claimed, onScan);
    },
    { maxWait: 10_000, timeout: 60_000 }
  );
}

async function publishDirect(direct: NonNullable<RelayDatabase["direct"]>, log: EventLog, batchSize: number, onScan: OnScan): Promise<RoundOutcome> {
  const session = await direct.session();
  let broken = false;
  try {
    const [, , scanned = [], claimed = []] = await session.run(["BEGIN", ROUND_SETTINGS_SQL, SCAN_STATEMENT, claimStatement(batchSize)]);
    const outcome = await appendClaimed(log, batchSize, scanned as unknown as ScannedRow[], claimed as unknown as ClaimedRow[], onScan);
    await session.run("COMMIT");
    return outcome;
  } catch (error) {
    // Nothing is marked published unless the append succeeded and COMMIT went through.
    await session.run("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    session.release(broken);
  }
}

/** Reports the scan, then appends what the round claimed, each org's rows in seq order (orgs in lag order). */
async function appendClaimed(log: EventLog, batchSize: number, scanned: ScannedRow[], claimed: ClaimedRow[], onScan: OnScan): Promise<RoundOutcome> {
  const orgs = scanned.map((r) => ({ orgId: r.org_id, pending: Number(r.pending), oldest: new Date(r.oldest), locked: r.locked }));
  onScan(orgs);
  const locked = orgs.filter((o) => o.locked);
  if (claimed.length === 0) return { published: 0, more: false };
  const rank = new Map(locked.map((o, i) => [o.orgId, i]));
  const events: DomainEvent[] = claimed.map((row) => toEnvelope(envelopeRow(row)));
  events.sort((a, b) => (rank.get(a.orgId) ?? 0) - (rank.get(b.orgId) ?? 0) || a.seq - b.seq);
  await log.append(events);
  const perOrg = Math.max(1, Math.ceil(batchSize / locked.length));
  return { published: events.length, more: locked.some((o) => o.pending > perOrg) };
}

/** data is selected as JSON text, seq as text or bigint depending on the driver. */
function envelopeRow(row: ClaimedRow): OutboxEnvelopeRow {
  return { ...row, seq: Number(row.seq), data: typeof row.data === "string" ? (JSON.parse(row.data) as unknown) : row.data };
}
