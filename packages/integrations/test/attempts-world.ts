import type { ActingViewer } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startIntegrationHarness, type IntegrationHarness } from "../src/testing";

/** A database with one organization and its admin, and the job queue without a worker: the test runs a job's attempts itself, as two workers would. */
export interface AttemptsWorld {
  t: TestDatabase;
  harness: IntegrationHarness;
  admin: ActingViewer;
  stop(): Promise<void>;
}

export async function startAttemptsWorld(): Promise<AttemptsWorld> {
  const t = await createTestDatabase();
  const org = await createOrganization(t.database.client);
  const a = await createUser(t.database.client, org.id, { role: "admin", name: "Ada Admin" });
  const harness = await startIntegrationHarness(t.database, t.box, { worker: false });
  return {
    t,
    harness,
    admin: { id: a.id, orgId: org.id, role: "admin", name: a.name },
    async stop() {
      await harness.stop();
      await t.drop();
    }
  };
}

/** How many statements like `pattern` wait on a lock now. */
export async function waitingOnLock(t: TestDatabase, pattern: string): Promise<number> {
  const rows = await t.database.raw.$queryRawUnsafe<{ n: number }[]>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1",
    pattern
  );
  return rows[0]?.n ?? 0;
}
