import pg from "pg";
import { expect, test } from "./fixtures";
import { navigate, row, table, uniqueSuffix } from "./fixtures/console";

const ROWS = 1200;

/** An extensions CSV of ROWS rows; numbers are 8 digits starting with 8 (never the demo's). */
function importFile(tag: string, first: number): Buffer {
  const lines = ["number,display_name,sip_username,sip_secret"];
  for (let i = 0; i < ROWS; i++) lines.push(`${first + i},${tag} ${i},imp${first + i},import-secret-${i}-xyz`);
  return Buffer.from(lines.join("\n"));
}

test("an import started in one admin tab moves the same progress bar in another, where the new extensions appear live", async ({
  context,
  page,
  loginAs,
  stack
}) => {
  test.setTimeout(120_000);
  const tag = `E2E import ${uniqueSuffix()}`;
  const first = 80_000_000 + Math.floor(Math.random() * 9_000_000);
  await loginAs(page, "admin");
  const watcher = await context.newPage();
  await watcher.goto("/extensions");
  await expect(watcher.getByRole("heading", { level: 1, name: "Extensions" })).toBeVisible();

  try {
    await test.step("the preview checks every row before anything is written", async () => {
      await navigate(page, "Extensions");
      await page.getByRole("link", { name: "Import CSV" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Import extensions" })).toBeVisible();
      await page.getByLabel("CSV file").setInputFiles({ name: "extensions.csv", mimeType: "text/csv", buffer: importFile(tag, first) });
      await page.getByRole("button", { name: "Check file" }).click();
      await expect(page.getByText(`${ROWS} rows: ${ROWS} ready to import, 0 with errors. Nothing has been written yet.`)).toBeVisible();
    });

    await test.step("the second tab shows the same bar, moving", async () => {
      await page.getByRole("button", { name: `Import ${ROWS} extensions` }).click();
      const bar = watcher.getByRole("region", { name: "Jobs in progress" }).getByRole("progressbar", { name: "Extension import progress" });
      await expect(bar).toBeVisible({ timeout: 30_000 });
      await expect(bar).toHaveAttribute("aria-valuemax", String(ROWS));
      // Moving: seen part-way, with rows done / total, rate and time left in its text.
      // Value and text are read together: the bar leaves the tray as soon as the job ends.
      let seen = { now: 0, text: "" };
      await expect
        .poll(
          async () => {
            seen = await bar.evaluate((el) => ({ now: Number(el.getAttribute("aria-valuenow")), text: el.getAttribute("aria-valuetext") ?? "" }));
            return seen.now;
          },
          { timeout: 30_000, intervals: [100] }
        )
        .toBeGreaterThan(0);
      if (seen.now < ROWS) expect(seen.text).toMatch(/of 1,200 · [\d.,]+\/s · .+ left/);
      // The importing tab shows the same job.
      await expect(page.getByRole("progressbar", { name: "Extension import progress" }).first()).toBeVisible();
    });

    await test.step("the new extensions appear in the second tab without a reload, and the result is told", async () => {
      await expect(page.getByText(`${ROWS} extensions created`).first()).toBeVisible({ timeout: 60_000 });
      // Finished jobs leave the tray.
      await expect(watcher.getByRole("region", { name: "Jobs in progress" })).toHaveCount(0, { timeout: 30_000 });
      // The tab applied 1,200 creations as they came; once they have, the last one is in its table.
      await watcher.getByRole("searchbox", { name: "Search extensions" }).fill(`${tag} ${ROWS - 1}`, { timeout: 30_000 });
      await expect(row(watcher, "Extensions", String(first + ROWS - 1))).toBeVisible({ timeout: 30_000 });
      await expect(table(watcher, "Extensions")).toBeVisible();
    });

    await test.step("/jobs lists it with who started it", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
      const jobRow = page
        .getByRole("table", { name: "Jobs" })
        .getByRole("row")
        .filter({ hasText: `${ROWS} extensions created` })
        .first();
      await expect(jobRow).toContainText("completed");
      await expect(jobRow).toContainText("Ada Admin");
    });
  } finally {
    // Leave the demo organization as other specs expect it.
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query("DELETE FROM extensions WHERE display_name LIKE $1", [`${tag} %`]);
    await client.end();
  }
});
