import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ActingViewer } from "@switchboard/db";
import type { TestDatabase } from "@switchboard/db/testing";
import { runImportJob } from "../src/bulk/import-runner";
import { getJob, startImport } from "../src/index";
import type { IntegrationHarness } from "../src/testing";
import { startAttemptsWorld, waitingOnLock, type AttemptsWorld } from "./attempts-world";
import { extensionsCsv } from "./csv-fixtures";

let world: AttemptsWorld;
let t: TestDatabase;
let harness: IntegrationHarness;
let admin: ActingViewer;
const logger = pino({ level: "silent" });

beforeAll(async () => {
  world = await startAttemptsWorld();
  ({ t, harness, admin } = world);
});

afterAll(() => world?.stop());

const count = (from: number, to: number) =>
  t.database.client.extension.count({ where: { organizationId: admin.orgId, number: { gte: String(from), lte: String(to) } } });

/** Whether a statement like `pattern` waits on a lock now. */
const someWaitOnLock = async (pattern: string) => (await waitingOnLock(t, pattern)) > 0;

/** Someone's uncommitted extension `number`: an import that reaches it waits there until `release()` rolls it back. */
function holdNumber(number: string): { release(): Promise<void> } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding = t.database.raw
    .$transaction(
      async (tx) => {
        await tx.extension.create({
          data: {
            organizationId: admin.orgId,
            number,
            displayName: "Holder",
            sipUsername: `holder${number}`,
            sipSecretEnc: t.box.seal("x-secret-abcdef"),
            sipSecretHint: "••ef"
          }
        });
        await released;
        throw new Error("rolled back");
      },
      { timeout: 120_000 }
    )
    .catch(() => undefined);
  return {
    async release() {
      release();
      await holding;
    }
  };
}

it("an attempt the queue handed over stops at its next write; the later attempt alone finishes the import", async () => {
  const job = await startImport(harness.deps, admin, { kind: "extensions", csv: extensionsCsv(200, 8000), mode: "all_or_nothing" });
  const holder = holdNumber("8120");
  // The first attempt writes two batches of 50, then waits inside the third (rows 100-149) with the job row locked.
  const first = runImportJob(harness.deps, job.id, logger);
  await expect.poll(() => someWaitOnLock("INSERT INTO%extensions%"), { timeout: 60_000, interval: 50 }).toBe(true);
  // Its worker stalls past the heartbeat, so the queue hands the job to another, whose attempt starts behind the held batch.
  const second = runImportJob(harness.deps, job.id, logger);
  await expect.poll(() => someWaitOnLock('UPDATE "public"."jobs"%'), { timeout: 60_000, interval: 50 }).toBe(true);
  await holder.release();
  // Without the attempt's fence both would write rows 150-199: one would fail on the other's numbers and undo the whole import.
  await Promise.all([first, second]);
  const done = await getJob(harness.deps, admin, job.id);
  expect(done).toMatchObject({ state: "completed", done: 200 });
  expect((await t.database.client.job.findUniqueOrThrow({ where: { id: job.id } })).attempts).toBe(2);
  expect(done.result?.created).toHaveLength(200);
  expect(new Set(done.result?.created?.map((c) => c.row)).size).toBe(200);
  expect(await count(8000, 8199)).toBe(200);
}, 120_000);
