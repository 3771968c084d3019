import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, signedIn, toast, uniqueSuffix } from "./fixtures/console";

/** No silent overwrite on queues: an open queue form hears of another admin's save at once and keeps what was typed. */

async function openQueues(page: Page): Promise<void> {
  await page.goto("/queues");
  await expect(page.getByRole("heading", { level: 1, name: "Queues" })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
}

async function openQueueEditor(page: Page, name: string) {
  await page.getByRole("table", { name: "Queues" }).getByRole("button", { name, exact: true }).click();
  const form = page.getByRole("form", { name: `Edit queue ${name}` });
  await expect(form).toBeVisible();
  return form;
}

const banner = (page: Page) => page.getByRole("alert").filter({ hasText: "changed this" });

test("another admin's queue save shows on the open form before saving; typed values stay; Reload takes theirs", async ({ browser, loginAs, urls }) => {
  const first = await signedIn(browser, urls.web, loginAs, "admin");
  const second = await signedIn(browser, urls.web, loginAs, "admin");
  const name = `conflict-${uniqueSuffix()}`;
  await openQueues(first);
  await first.getByRole("button", { name: "New queue" }).click();
  await first.getByRole("form", { name: "New queue" }).getByLabel("Name", { exact: true }).fill(name);
  await first.getByRole("button", { name: "Create queue" }).click();
  await expect(toast(first, `Queue ${name} created`)).toBeVisible();

  await openQueues(second);
  const mine = await openQueueEditor(second, name);
  const theirs = await openQueueEditor(first, name);
  await mine.getByLabel("Service level (seconds)").fill("45");
  await theirs.getByLabel("Wrap-up (seconds)").fill("15");
  await theirs.getByRole("button", { name: "Save queue" }).click();
  await expect(toast(first, `Queue ${name} saved`)).toBeVisible();

  await expect(banner(second)).toBeVisible();
  await expect(mine.getByLabel("Service level (seconds)")).toHaveValue("45");
  await banner(second).getByRole("button", { name: "Reload" }).click();
  await expect(banner(second)).toHaveCount(0);
  await expect(mine.getByLabel("Wrap-up (seconds)")).toHaveValue("15");
  await expect(mine.getByLabel("Service level (seconds)")).toHaveValue("20");
});
