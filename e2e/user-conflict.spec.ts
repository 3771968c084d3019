import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, signedIn, toast, uniqueSuffix } from "./fixtures/console";

/** Users get the same no-silent-overwrite form as extensions and trunks: told at once, nothing typed lost. */

const banner = (page: Page) => page.getByRole("alert").filter({ hasText: "changed this" });

async function openUser(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`/users/${id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
}

test("someone else's change to a user shows on the open form at once; 'Keep mine' saves over it knowingly", async ({ browser, loginAs, urls }) => {
  test.setTimeout(90_000);
  const ada = await signedIn(browser, urls.web, loginAs, "admin");
  const sam = await signedIn(browser, urls.web, loginAs, "supervisor");
  const name = `Dana Customer ${uniqueSuffix()}`;
  const created = await ada.request.post("/api/v1/users", { data: { name, email: `dana-${uniqueSuffix()}@example.test` } });
  expect(created.status()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: string } }).data;
  await openUser(ada, id, name);
  await openUser(sam, id, name);
  const form = (page: Page) => page.getByRole("form", { name: `Edit ${name}` });

  await form(sam).getByLabel("Name").fill("Dana by Sam");
  await form(ada).getByLabel("Name").fill("Dana by Ada");
  await form(ada).getByRole("button", { name: "Save changes" }).click();
  await expect(toast(ada, "Dana by Ada saved")).toBeVisible();

  await expect(banner(sam)).toContainText("Ada Admin changed this");
  await expect(form(sam).getByLabel("Name")).toHaveValue("Dana by Sam");

  await banner(sam).getByRole("button", { name: "Keep mine" }).click();
  await expect(banner(sam)).toHaveCount(0);
  await form(sam).getByRole("button", { name: "Save changes" }).click();
  await expect(toast(sam, "Dana by Sam saved")).toBeVisible();
  const response = await sam.request.get(`/api/v1/users/${id}`);
  expect(((await response.json()) as { data: { name: string } }).data.name).toBe("Dana by Sam");
});

test("an office deleted while someone edits it says so in the open editor, keeping what was typed", async ({ browser, loginAs, urls }) => {
  const ada = await signedIn(browser, urls.web, loginAs, "admin");
  const name = `Billing ${uniqueSuffix()}`;
  const created = await ada.request.post("/api/v1/offices", { data: { name } });
  expect(created.status()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: string } }).data;
  await ada.goto("/offices");
  await expect(connectionStatus(ada)).toHaveText("Live", { timeout: 15_000 });
  await ada.getByRole("button", { name: `Edit office ${name}` }).click();
  const editor = ada.getByRole("form", { name: `Edit office ${name}` });
  await editor.getByLabel("Office name").fill("Billing and refunds");

  // Deleted elsewhere (here through the API, as another tab or script would).
  expect((await ada.request.delete(`/api/v1/offices/${id}`)).status()).toBe(204);

  await expect(editor.getByRole("alert").filter({ hasText: "deleted this office while you were editing it" })).toBeVisible();
  await expect(editor.getByLabel("Office name")).toHaveValue("Billing and refunds");
  await expect(editor.getByRole("button", { name: "Save office" })).toBeDisabled();
});
