import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ActingViewer } from "@switchboard/db";
import type { TestDatabase } from "@switchboard/db/testing";
import { runExportJob } from "../src/bulk/export-runner";
import { getJob, startExport } from "../src/index";
import type { IntegrationHarness } from "../src/testing";
import { startAttemptsWorld, waitingOnLock, type AttemptsWorld } from "./attempts-world";

const CALLS = 450;

let world: AttemptsWorld;
let t: TestDatabase;
let harness: IntegrationHarness;
let admin: ActingViewer;
const logger = pino({ level: "silent" });

beforeAll(async () => {
  world = await startAttemptsWorld();
  ({ t, harness, admin } = world);
  const startedAt = Date.now() - 3_600_000;
  await t.database.raw.call.createMany({
    data: Array.from({ length: CALLS }, (_, i) => ({
      organizationId: admin.orgId,
      pbxCallId: `export-${i}`,
      direction: "inbound" as const,
      state: "ended" as const,
      fromNumber: `+3215550${String(i).padStart(3, "0")}`,
      toNumber: "100",
      startedAt: new Date(startedAt + i * 1000)
    }))
  });
});

afterAll(() => world?.stop());

/** The job's row locked by someone else until `release()`: attempts that write it wait there. */
function lockJobRow(jobId: string): { held: Promise<void>; release(): Promise<void> } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let hold = () => {};
  const held = new Promise<void>((resolve) => (hold = resolve));
  const holding = t.database.raw.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM jobs WHERE id = ${jobId}::uuid FOR UPDATE`;
      hold();
      await released;
    },
    { timeout: 120_000 }
  );
  return {
    held,
    async release() {
      release();
      await holding;
    }
  };
}

it("an export attempt the queue handed over stops at its next write; the later attempt alone writes the file and ends the job", async () => {
  const job = await startExport(harness.deps, admin, { kind: "calls", query: {} });
  const locked = lockJobRow(job.id);
  await locked.held;
  // The first attempt waits to start; a second (its worker thought stalled) queues behind it.
  const first = runExportJob(harness.deps, job.id, logger);
  await expect.poll(() => waitingOnLock(t, 'UPDATE "public"."jobs"%'), { timeout: 60_000, interval: 50 }).toBe(1);
  const second = runExportJob(harness.deps, job.id, logger);
  await expect.poll(() => waitingOnLock(t, 'UPDATE "public"."jobs"%'), { timeout: 60_000, interval: 50 }).toBe(2);
  await locked.release();
  await Promise.all([first, second]);

  const done = await getJob(harness.deps, admin, job.id);
  expect(done).toMatchObject({ state: "completed", done: CALLS, total: CALLS });
  expect((await t.database.client.job.findUniqueOrThrow({ where: { id: job.id } })).attempts).toBe(2);
  const file = await t.database.raw.jobFile.findUniqueOrThrow({ where: { jobId: job.id } });
  expect(Buffer.from(file.content).toString("utf8").trim().split("\n")).toHaveLength(CALLS + 1);
  // Without the fence the first attempt runs on too, and its end is written over the second's.
  const events = await t.database.raw.outboxEvent.findMany({ where: { subjectId: job.id }, orderBy: { seq: "asc" }, select: { type: true } });
  expect(events.filter((e) => e.type === "job.completed")).toHaveLength(1);
  expect(events.at(-1)?.type).toBe("job.completed");
}, 120_000);
