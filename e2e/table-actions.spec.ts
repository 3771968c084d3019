import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { row, table } from "./fixtures/console";

/**
 * Scrolled to vertically, as a person would; horizontally the table stays at its start. A live
 * update may swap the row's cell while Playwright waits for it to hold still, and a scroll does
 * not retry on its own: asked again until it lands.
 */
async function scrollTo(rowOfTable: Locator): Promise<void> {
  await expect(async () => rowOfTable.getByRole("rowheader").scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
}

/** Wide tables keep each row's actions in view, and a row's key opens its editor, on a desktop and on a phone. */

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 }
]) {
  test(`at ${viewport.width} px the extension and trunk rows keep Edit and Delete in view, and the row's key opens its editor`, async ({ page, loginAs }) => {
    await page.setViewportSize(viewport);
    await loginAs(page, "admin");

    await page.goto("/extensions");
    await expect(table(page, "Extensions")).toBeVisible();
    const desk = row(page, "Extensions", "106");
    await scrollTo(desk);
    await expect(desk.getByRole("link", { name: "Edit extension 106" })).toBeInViewport();
    await expect(desk.getByRole("button", { name: "Delete extension 106" })).toBeInViewport();
    await desk.getByRole("link", { name: "106", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit extension 106" })).toBeVisible();

    await page.goto("/trunks");
    const carrier = row(page, "Trunks", "Carrier A");
    await scrollTo(carrier);
    await expect(carrier.getByRole("link", { name: "Edit trunk Carrier A" })).toBeInViewport();
    await expect(carrier.getByRole("button", { name: "Delete trunk Carrier A" })).toBeInViewport();
    await carrier.getByRole("link", { name: "Carrier A", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit trunk Carrier A" })).toBeVisible();
  });
}
