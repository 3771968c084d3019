import { readFile } from "node:fs/promises";
import pg from "pg";
import { expect, test } from "./fixtures";
import { demoAccounts } from "./fixtures/demo-accounts";
import { uniqueSuffix } from "./fixtures/console";
import type { Page } from "@playwright/test";

/** The users table row whose row header is the person's name. */
function userRow(page: Page, name: string) {
  return page
    .getByRole("table", { name: "Users" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

const csvFile = (lines: string[]) => ({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(["email,name,role,offices", ...lines].join("\n")) });

test("an admin imports users from CSV: preview, confirm, the users appear live in another tab, and an invitee joins with the link", async ({
  browser,
  page,
  loginAs,
  urls
}) => {
  test.setTimeout(90_000);
  const s = uniqueSuffix();
  const people = {
    agent: { name: `Imp Agent ${s}`, email: `imp.agent.${s}@example.test` },
    supervisor: { name: `Imp Supervisor ${s}`, email: `imp.supervisor.${s}@example.test` },
    customer: { name: `Imp Customer ${s}`, email: `imp.customer.${s}@example.test` }
  };
  const good = [
    `${people.agent.email},${people.agent.name},agent,Support`,
    `${people.supervisor.email},${people.supervisor.name},supervisor,`,
    `${people.customer.email},${people.customer.name},customer,`
  ];
  await loginAs(page, "admin");
  const watcher = await page.context().newPage();
  await watcher.goto("/users");
  await expect(watcher.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  await test.step("the preview names a bad row and nothing is written", async () => {
    await page.goto("/users");
    await page.getByRole("link", { name: "Import CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
    await page.getByLabel("CSV file").setInputFiles(csvFile([...good, `oops.${s}@example.test,Odd Role,manager,`]));
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText("4 rows: 3 ready to import, 1 with errors. Nothing has been written yet.")).toBeVisible();
    const errors = page.getByRole("table", { name: "Rows with errors" });
    await expect(errors.getByRole("row").filter({ hasText: "5" })).toContainText("role must be one of: admin, supervisor, agent, customer");
    await expect(page.getByRole("button", { name: "Import 4 users" })).toBeDisabled();
    await expect(userRow(watcher, people.agent.name)).toHaveCount(0);
  });

  await test.step("the fixed file imports; the watching tab lists the new users without a reload", async () => {
    await page.getByLabel("CSV file").setInputFiles(csvFile(good));
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText("3 rows: 3 ready to import, 0 with errors. Nothing has been written yet.")).toBeVisible();
    await page.getByRole("button", { name: "Import 3 users" }).click();
    await expect(page.getByRole("status").filter({ hasText: "3 users created, 2 invited" })).toBeVisible({ timeout: 30_000 });
    await expect(userRow(watcher, people.agent.name)).toContainText("Invited");
    await expect(userRow(watcher, people.supervisor.name)).toContainText("Invited");
    await expect(userRow(watcher, people.customer.name)).toBeVisible();
  });

  const link = await test.step("the links are offered to the admin who imported, as a file", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the invitation links" }).click()]);
    const text = await readFile((await download.path()) ?? "", "utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("email,name,role,link,expires_at");
    expect(lines).toHaveLength(3);
    const url = lines.find((l) => l.startsWith(people.agent.email))?.split(",")[3] ?? "";
    expect(url).toMatch(/\/invite\/[\w-]{40,}$/);
    return url;
  });

  const invitee = await browser.newContext({ baseURL: urls.web });
  try {
    await test.step("the invitee joins with the link; the watching tab sees them become active", async () => {
      const tab = await invitee.newPage();
      const password = `a good passphrase ${uniqueSuffix()}`;
      await tab.goto(link);
      await expect(tab.getByRole("heading", { name: /^Join .* on Switchboard$/ })).toBeVisible();
      await tab.getByLabel("New password", { exact: true }).fill(password);
      await tab.getByLabel("Repeat new password", { exact: true }).fill(password);
      await tab.getByRole("button", { name: "Join" }).click();
      await expect(tab.getByRole("status").filter({ hasText: "Your password is set. Sign in with it." })).toBeVisible();
      await expect(userRow(watcher, people.agent.name)).toContainText("Active");
    });
  } finally {
    await invitee.close();
  }
});

/** Whether a statement like `pattern` (SQL ILIKE) is waiting for a lock in the test database. */
async function waitingOnLock(databaseUrl: string, pattern: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1",
      [pattern]
    );
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Someone else's uncommitted user with `email` (in the demo organization): an import that reaches
 * that address waits there until `release()` rolls it back, so a test sees it part-way, for sure.
 */
async function holdEmail(databaseUrl: string, email: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO users (id, organization_id, name, email, role, status, updated_at)
     SELECT gen_random_uuid(), organization_id, 'Holder', $1, 'customer', 'active', now() FROM users WHERE email = $2`,
    [email, demoAccounts.admin]
  );
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await client.query("ROLLBACK");
      await client.end();
    }
  };
}

test("a large users import moves the progress bar in another admin tab, and cancelling it removes everyone it had added there too", async ({
  page,
  loginAs,
  stack
}) => {
  test.setTimeout(240_000);
  const s = uniqueSuffix();
  const ROWS = 200;
  const person = (i: number) => ({ name: `Bulk ${s} ${i}`, email: `bulk.${s}.${i}@example.test` });
  const lines = Array.from({ length: ROWS }, (_, i) => `${person(i).email},${person(i).name},customer,`);
  await loginAs(page, "admin");
  const watcher = await page.context().newPage();
  await watcher.goto("/users");
  await expect(watcher.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // The import writes batches of 50 and waits inside the third one, at this address.
  const holder = await holdEmail(stack.databaseUrl, person(120).email);
  try {
    await page.goto("/users");
    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.getByLabel("CSV file").setInputFiles(csvFile(lines));
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText(`${ROWS} rows: ${ROWS} ready to import, 0 with errors. Nothing has been written yet.`)).toBeVisible();
    await page.getByRole("button", { name: `Import ${ROWS} users` }).click();

    await test.step("the watching tab's bar stands part-way, and the people written so far are listed", async () => {
      const bar = watcher.getByRole("region", { name: "Jobs in progress" }).getByRole("progressbar", { name: "Users import progress" });
      await expect(bar).toHaveAttribute("aria-valuemax", String(ROWS), { timeout: 30_000 });
      await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(ROWS);
      await expect(bar).toHaveAttribute("aria-valuetext", new RegExp(`of ${ROWS}`));
      // The list is sorted by name and paged: "Bulk … 0" and "… 1" lead the imported people on page 1.
      await expect(userRow(watcher, person(0).name)).toBeVisible({ timeout: 30_000 });
      await expect(userRow(watcher, person(1).name)).toBeVisible();
    });

    await test.step("cancel: the import stops and the watching tab drops the people it had added", async () => {
      await page.getByRole("button", { name: "Cancel import" }).click();
      // The held batch locks the job row, so the cancel waits behind it: release only once it is
      // there, or on a busy machine the import can finish before the cancel reaches the database.
      await expect.poll(() => waitingOnLock(stack.databaseUrl, 'UPDATE "public"."jobs"%'), { timeout: 60_000, intervals: [100] }).toBe(true);
      await holder.release();
      // Whatever the import ended in, the failure then names it (cancelled, failed or completed).
      const ended = page.getByRole("heading", { level: 2, name: /^Import (cancelled|failed|completed)$/ });
      await expect(ended).toBeVisible({ timeout: 120_000 });
      await expect(ended).toHaveText("Import cancelled");
      await expect(page.getByRole("status").filter({ hasText: "Cancelled; nothing imported" })).toBeVisible();
      await expect(userRow(watcher, person(0).name)).toHaveCount(0, { timeout: 30_000 });
      await expect(userRow(watcher, person(1).name)).toHaveCount(0);
    });
  } finally {
    await holder.release();
  }
});
