import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
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
