import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActingViewer } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { cancelJob, getJob, previewImport, startImport } from "../src/index";
import { startIntegrationHarness, type IntegrationHarness } from "../src/testing";
import { extensionsCsv } from "./csv-fixtures";

let t: TestDatabase;
let harness: IntegrationHarness;
let admin: ActingViewer;
let supervisor: ActingViewer;

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await createOrganization(t.database.client);
  const a = await createUser(t.database.client, org.id, { role: "admin", name: "Ada Admin" });
  const s = await createUser(t.database.client, org.id, { role: "supervisor" });
  admin = { id: a.id, orgId: org.id, role: "admin", name: a.name };
  supervisor = { id: s.id, orgId: org.id, role: "supervisor", name: s.name };
  harness = await startIntegrationHarness(t.database, t.box);
});

afterAll(async () => {
  await harness?.stop();
  await t?.drop();
});

const count = (from: number, to: number) =>
  t.database.client.extension.count({ where: { organizationId: admin.orgId, number: { gte: String(from), lte: String(to) } } });
const finished = (id: string) => async () => (await getJob(harness.deps, admin, id)).state;

describe("extension import", () => {
  const bad = {
    10: "5010,,desk5010,secret-5010-abcdef,udp,opus,true,true",
    999: "50x9,Desk,deskx,secret-xxxx-abcdef,udp,opus,true,true",
    1500: "5001,Twin,twin,secret-twin-abcdef,udp,opus,true,true"
  };
  const csv = extensionsCsv(2000, 5000, bad);

  it("2,000 rows with 3 bad ones: the preview names the 3 and nothing is written", async () => {
    const preview = await previewImport(harness.deps, admin, { kind: "extensions", csv });
    expect(preview.total).toBe(2000);
    expect(preview.validCount).toBe(1997);
    expect(preview.errors.map((e) => e.row)).toEqual([12, 1001, 1502]);
    expect(preview.errors[0]?.message).toMatch(/display name is required/);
    expect(preview.errors[1]?.message).toMatch(/number must be 2 to 8 digits/);
    expect(preview.errors[2]?.message).toMatch(/number 5001 is also on row 3/);
    expect(await count(5000, 6999)).toBe(0);
    // All-or-nothing (the default) refuses to start, naming the rows; still nothing written.
    await expect(startImport(harness.deps, admin, { kind: "extensions", csv, mode: "all_or_nothing" })).rejects.toMatchObject({
      code: "bad_request",
      fields: { "row 12": expect.any(String), "row 1001": expect.any(String), "row 1502": expect.any(String) }
    });
    expect(await count(5000, 6999)).toBe(0);
  });

  it("only admins import", async () => {
    await expect(previewImport(harness.deps, supervisor, { kind: "extensions", csv })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("importing the valid rows creates exactly them and reports the rest", async () => {
    const job = await startImport(harness.deps, admin, { kind: "extensions", csv, mode: "valid_rows" });
    expect(job.state).toBe("queued");
    expect(job.total).toBe(1997);
    await expect.poll(finished(job.id), { timeout: 90_000, interval: 250 }).toBe("completed");
    const done = await getJob(harness.deps, admin, job.id);
    expect(done.done).toBe(1997);
    expect(done.result?.created).toHaveLength(1997);
    expect(done.result?.errors?.map((e) => e.row)).toEqual([12, 1001, 1502]);
    expect(done.result?.summary).toBe("1997 extensions created, 3 rows skipped");
    expect(await count(5000, 6999)).toBe(1997);
  }, 120_000);

  it("all-or-nothing: a row that fails while writing (taken meanwhile) leaves nothing", async () => {
    const file = extensionsCsv(300, 7000);
    const job = await startImport(harness.deps, admin, { kind: "extensions", csv: file, mode: "all_or_nothing" });
    // Someone creates number 7250 after the preview, before the import reaches it.
    await t.database.client.extension.create({
      data: {
        organizationId: admin.orgId,
        number: "7250",
        displayName: "Taken",
        sipUsername: "taken7250",
        sipSecretEnc: t.box.seal("x-secret-abcdef"),
        sipSecretHint: "••ef"
      }
    });
    await expect.poll(finished(job.id), { timeout: 60_000, interval: 250 }).toBe("failed");
    const view = await getJob(harness.deps, admin, job.id);
    expect(view.error).toMatch(/row 252: an extension with this number already exists/);
    expect(view.result?.summary).toBe("Nothing imported: row 252 failed");
    expect(await count(7000, 7299)).toBe(1);
  }, 90_000);

  it("cancel: a running all-or-nothing import undoes itself", async () => {
    const job = await startImport(harness.deps, admin, { kind: "extensions", csv: extensionsCsv(1500, 8000), mode: "all_or_nothing" });
    await expect.poll(async () => (await getJob(harness.deps, admin, job.id)).done, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    await cancelJob(harness.deps, admin, job.id);
    await expect.poll(finished(job.id), { timeout: 60_000, interval: 250 }).toBe("cancelled");
    expect(await count(8000, 9499)).toBe(0);
    await expect(cancelJob(harness.deps, admin, job.id)).rejects.toMatchObject({ code: "conflict" });
  }, 90_000);

  it("a file that is not an extensions CSV is refused whole, naming the problem", async () => {
    await expect(previewImport(harness.deps, admin, { kind: "extensions", csv: "foo,bar\n1,2\n" })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/unknown column "foo"/)
    });
    await expect(previewImport(harness.deps, admin, { kind: "extensions", csv: "number,display_name,sip_username,sip_secret\n" })).rejects.toMatchObject({
      message: expect.stringMatching(/no rows/)
    });
  });
});

describe("housekeeping", () => {
  it("deletes expired export files and, after 30 days, delivery logs and finished jobs", async () => {
    const { pruneIntegrationRecords } = await import("../src/bulk/job-files");
    const db = t.database.client;
    const old = new Date(Date.now() - 31 * 24 * 60 * 60_000);
    const job = await db.job.create({
      data: { organizationId: admin.orgId, kind: "export_calls", state: "completed", input: {}, createdById: admin.id, finishedAt: old }
    });
    await db.jobFile.create({
      data: {
        jobId: job.id,
        organizationId: admin.orgId,
        fileName: "x.csv",
        contentType: "text/csv",
        content: Buffer.from("a"),
        expiresAt: new Date(Date.now() - 1000)
      }
    });
    const running = await db.job.create({ data: { organizationId: admin.orgId, kind: "export_calls", state: "running", input: {}, createdById: admin.id } });
    const pruned = await pruneIntegrationRecords(db);
    expect(pruned.files).toBe(1);
    expect(await db.job.findUnique({ where: { id: job.id } })).toBeNull();
    expect(await db.job.findUnique({ where: { id: running.id } })).not.toBeNull();
  });
});

describe("queue metrics", () => {
  it("reports queued, running, failed and the oldest waiting age per queue for /metrics", async () => {
    const { createQueueMetrics } = await import("../src/queue/queue-metrics");
    const metrics = createQueueMetrics(t.database.client);
    const text = await metrics.registry.metrics();
    for (const name of ["switchboard_jobs_queued", "switchboard_jobs_running", "switchboard_jobs_failed", "switchboard_jobs_oldest_queued_seconds"]) {
      expect(text).toContain(`${name}{queue="import-extensions"}`);
    }
    expect(text).toContain("switchboard_jobs_scrape 1");
    const counts = await metrics.snapshot();
    expect(counts.find((c) => c.queue === "webhook-deliver")).toMatchObject({ queued: expect.any(Number), running: expect.any(Number) });
  });
});
