import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeLink, type ActingViewer } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { getJob, startImport, startIntegrations, type Integrations } from "@switchboard/integrations";
import { testSettings } from "@switchboard/integrations/testing";
import { startSmtpReceiver, type SmtpReceiver } from "@switchboard/mail/testing";

const here = path.dirname(fileURLToPath(import.meta.url));
const SECRETS_KEY = "test-secrets-key-test-secrets-key-0123456789";

let t: TestDatabase;
let producer: Integrations;
let admin: ActingViewer;
let smtp: SmtpReceiver;
const children: ChildProcess[] = [];

/** `npm run worker` as a real child process on the test database. */
function spawnWorker(extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "../src/main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      AUTH_SECRET: "test-auth-secret-test-auth-secret-0123456789",
      SECRETS_KEY,
      REDIS_URL: "",
      WORKER_OPS_PORT: "0",
      JOB_HEARTBEAT_SECONDS: "10",
      JOB_SUPERVISE_SECONDS: "1",
      LOG_LEVEL: process.env.WORKER_TEST_LOG_LEVEL ?? "warn",
      ...extraEnv
    },
    stdio: ["ignore", "pipe", "pipe"]
  });
  // Its output shows only when a test fails (vitest prints it with the failure).
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  children.push(child);
  return child;
}

function csv(count: number): string {
  const lines = ["number,display_name,sip_username,sip_secret"];
  for (let i = 0; i < count; i++) lines.push(`${3000 + i},Desk ${3000 + i},kill${3000 + i},secret-${i}-abcdefgh`);
  return lines.join("\n");
}

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await createOrganization(t.database.client);
  const user = await createUser(t.database.client, org.id, { role: "admin", name: "Ada Admin" });
  admin = { id: user.id, orgId: org.id, role: "admin", name: user.name };
  smtp = await startSmtpReceiver();
  // This process only enqueues (as the web app of a cluster does); the children run the jobs.
  producer = await startIntegrations({
    database: t.database,
    box: t.box,
    logger: pino({ level: "warn" }),
    settings: testSettings({ heartbeatSeconds: 10 }),
    egress: { allowPrivate: false, ownServices: [] },
    runWorker: false
  });
});

/** Kills the workers still running, so the next test's jobs go only to the workers it starts. */
async function killWorkers(): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(async (child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    })
  );
}

afterEach(killWorkers);

afterAll(async () => {
  await killWorkers();
  await producer?.stop();
  await smtp?.close();
  await t?.drop();
});

/**
 * Waits for the resumed job to complete. A busy machine may take long, so the limit is on a
 * stall, not on the total: it fails only when the job makes no progress for `stallMs`.
 */
async function completion(jobId: string, stallMs = 90_000): Promise<void> {
  for (;;) {
    const job = await getJob(producer.deps, admin, jobId);
    if (job.state === "completed") return;
    if (job.state === "failed" || job.state === "cancelled") throw new Error(`the import ended ${job.state}: ${job.error ?? ""}`);
    // Each step waits for the next committed batch (or the end), for at most `stallMs`.
    await expect
      .poll(
        async () => {
          const now = await getJob(producer.deps, admin, jobId);
          return now.done !== job.done || now.state !== job.state;
        },
        { timeout: stallMs, interval: 250, message: `the import stalled at ${job.done} rows (state ${job.state})` }
      )
      .toBe(true);
  }
}

const count = () => t.database.client.extension.count({ where: { organizationId: admin.orgId } });

it("an import whose worker is killed midway leaves a consistent prefix, then resumes on another worker to exactly everything", async () => {
  const first = spawnWorker();
  const job = await startImport(producer.deps, admin, { kind: "extensions", csv: csv(2000), mode: "all_or_nothing" });
  await expect.poll(async () => (await getJob(producer.deps, admin, job.id)).done, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  first.kill("SIGKILL");
  await new Promise((resolve) => first.once("exit", resolve));

  // What the dead worker left: exactly the rows its committed batches counted, none half-written.
  const stopped = await getJob(producer.deps, admin, job.id);
  expect(stopped.state).toBe("running");
  expect(stopped.done).toBeLessThan(2000);
  expect(await count()).toBe(stopped.done);

  // Another worker picks the job up once its heartbeat lapses and finishes it: all 2,000, no duplicates.
  spawnWorker();
  await completion(job.id);
  const done = await getJob(producer.deps, admin, job.id);
  expect(done.done).toBe(2000);
  expect(await count()).toBe(2000);
  expect(new Set(done.result?.created?.map((c) => ("number" in c ? c.number : c.email))).size).toBe(2000);
}, 600_000);

it("a users import whose worker is killed midway keeps a consistent prefix, resumes to everybody, then mails each invitee once", async () => {
  const mailEnv = { SMTP_URL: smtp.url, MAIL_FROM: "Switchboard <sb@example.test>" };
  const emails = Array.from({ length: 1000 }, (_, i) => `kill${i}@example.test`);
  const file = ["email,name,role", ...emails.map((email, i) => `${email},Person ${i},agent`)].join("\n");
  const people = () => t.database.client.user.count({ where: { email: { in: emails } } });
  const first = spawnWorker(mailEnv);
  const job = await startImport(producer.deps, admin, { kind: "users", csv: file, mode: "all_or_nothing" }, { linkBase: "https://sb.example" });
  await expect.poll(async () => (await getJob(producer.deps, admin, job.id)).done, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  first.kill("SIGKILL");
  await new Promise((resolve) => first.once("exit", resolve));

  const stopped = await getJob(producer.deps, admin, job.id);
  expect(stopped.state).toBe("running");
  expect(stopped.done).toBeLessThan(1000);
  expect(await people()).toBe(stopped.done);
  // Nobody is mailed before every row is in.
  expect(smtp.messages).toEqual([]);

  spawnWorker(mailEnv);
  await completion(job.id);
  const done = await getJob(producer.deps, admin, job.id);
  expect(done.done).toBe(1000);
  expect(done.result?.summary).toBe("1000 users created, 1000 invited (1000 mailed)");
  expect(await people()).toBe(1000);
  expect(smtp.messages.map((m) => m.to.join()).sort()).toEqual([...emails].sort());
  expect(smtp.messages.every((m) => m.from === "sb@example.test")).toBe(true);
  // The mailed links work, including those of people the killed worker had written.
  for (const at of [0, 999]) {
    const token = /https:\/\/sb\.example\/invite\/([\w-]+)/.exec(smtp.messages.find((m) => m.to[0] === emails[at])?.text ?? "")?.[1] ?? "";
    expect((await describeLink(t.database.client, token)).state).toBe("valid");
  }
}, 600_000);
