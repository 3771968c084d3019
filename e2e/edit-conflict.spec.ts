import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, signedIn, toast, uniqueExtensionNumber, uniqueSuffix } from "./fixtures/console";

/**
 * No silent overwrite (G8): two people edit the same extension in two browsers. The second one is
 * told as soon as the first one's change arrives, and decides; nothing typed is lost.
 */

async function createExtension(page: Page, displayName: string): Promise<{ id: string; number: string }> {
  const number = uniqueExtensionNumber();
  const response = await page.request.post("/api/v1/extensions", {
    data: { number, displayName, sipUsername: `conflict${number}`, sipSecret: `conflict-secret-${uniqueSuffix()}` }
  });
  expect(response.status()).toBe(201);
  const { data } = (await response.json()) as { data: { id: string } };
  return { id: data.id, number };
}

async function openEditor(page: Page, id: string, number: string): Promise<void> {
  await page.goto(`/extensions/${id}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: `Edit extension ${number}` })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
}

const banner = (page: Page) => page.getByRole("alert").filter({ hasText: "changed this" });

test("a change by someone else shows on the open form at once; 'Keep mine' saves over it knowingly, 'Reload' takes theirs", async ({
  browser,
  loginAs,
  urls
}) => {
  test.setTimeout(90_000);
  const ada = await signedIn(browser, urls.web, loginAs, "admin");
  const sam = await signedIn(browser, urls.web, loginAs, "supervisor");
  const { id, number } = await createExtension(ada, `Conflict desk ${uniqueSuffix()}`);
  await openEditor(ada, id, number);
  await openEditor(sam, id, number);

  await test.step("Sam types; Ada saves first; Sam is told before he saves", async () => {
    await sam.getByLabel("Display name", { exact: true }).fill("Sam's name for it");
    await ada.getByLabel("Display name", { exact: true }).fill("Ada's name for it");
    await ada.getByRole("checkbox", { name: "Enabled", exact: true }).uncheck();
    await ada.getByRole("button", { name: "Save changes" }).click();
    await expect(toast(ada, `Extension ${number} updated`)).toBeVisible();

    await expect(banner(sam)).toContainText("Ada Admin changed this");
    await expect(banner(sam).getByRole("button", { name: "Reload" })).toBeVisible();
    await expect(banner(sam).getByRole("button", { name: "Keep mine" })).toBeVisible();
    // Nothing Sam typed is gone.
    await expect(sam.getByLabel("Display name", { exact: true })).toHaveValue("Sam's name for it");
  });

  await test.step("'Keep mine' saves Sam's version over Ada's, on purpose", async () => {
    await banner(sam).getByRole("button", { name: "Keep mine" }).click();
    await expect(banner(sam)).toHaveCount(0);
    await sam.getByRole("button", { name: "Save changes" }).click();
    await expect(toast(sam, `Extension ${number} updated`)).toBeVisible();
    const response = await sam.request.get(`/api/v1/extensions/${id}`);
    expect(((await response.json()) as { data: { displayName: string } }).data.displayName).toBe("Sam's name for it");
  });

  await test.step("'Reload' replaces the form with the other person's values", async () => {
    await openEditor(ada, id, number);
    await openEditor(sam, id, number);
    await ada.getByLabel("Display name", { exact: true }).fill("Ada again");
    await sam.getByLabel("Display name", { exact: true }).fill("Sam again");
    await ada.getByRole("button", { name: "Save changes" }).click();
    await expect(banner(sam)).toContainText("Ada Admin changed this");
    await banner(sam).getByRole("button", { name: "Reload" }).click();
    await expect(sam.getByLabel("Display name", { exact: true })).toHaveValue("Ada again");
    await expect(banner(sam)).toHaveCount(0);
  });
});

test("a stale save that races the live update is refused and says so; saving an extension deleted meanwhile says it was deleted", async ({
  browser,
  loginAs,
  urls
}) => {
  const ada = await signedIn(browser, urls.web, loginAs, "admin");
  const sam = await signedIn(browser, urls.web, loginAs, "supervisor");
  const { id, number } = await createExtension(ada, `Race desk ${uniqueSuffix()}`);
  await openEditor(sam, id, number);

  await test.step("offline from live updates, Sam's save at a stale version is refused with a conflict", async () => {
    // Sam's socket is cut, so the change cannot reach his form before he saves.
    await sam.evaluate(() => window.dispatchEvent(new Event("offline")));
    const changed = await ada.request.patch(`/api/v1/extensions/${id}`, { data: { displayName: "Changed over REST" } });
    expect(changed.status()).toBe(200);
    await sam.getByLabel("Display name", { exact: true }).fill("Sam's stale edit");
    await sam.getByRole("button", { name: "Save changes" }).click();
    await expect(banner(sam)).toContainText("Ada Admin changed this");
    await expect(sam.getByLabel("Display name", { exact: true })).toHaveValue("Sam's stale edit");
    const current = await sam.request.get(`/api/v1/extensions/${id}`);
    expect(((await current.json()) as { data: { displayName: string } }).data.displayName).toBe("Changed over REST");
  });

  await test.step("deleted while Sam edits: the form says so and keeps his input", async () => {
    await sam.reload();
    await expect(connectionStatus(sam)).toHaveText("Live", { timeout: 15_000 });
    await sam.getByLabel("Display name", { exact: true }).fill("Edit of a deleted desk");
    expect((await ada.request.delete(`/api/v1/extensions/${id}`)).status()).toBe(204);
    await expect(sam.getByRole("alert").filter({ hasText: "deleted this extension" })).toContainText("Ada Admin");
    await sam.getByRole("button", { name: "Save changes" }).click();
    await expect(sam.getByRole("alert").filter({ hasText: "deleted" }).first()).toBeVisible();
    await expect(sam.getByLabel("Display name", { exact: true })).toHaveValue("Edit of a deleted desk");
  });
});
