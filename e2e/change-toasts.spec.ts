import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  createExtensionThroughUi,
  editExtensionThroughUi,
  LIVE,
  navigate,
  row,
  signedIn,
  toast,
  uniqueExtensionNumber,
  uniqueSuffix
} from "./fixtures/console";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, "the element is rendered").not.toBeNull();
  return box ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** The toast's box does not overlap any of these controls. */
async function expectClear(page: Page, message: string, controls: Locator[]): Promise<void> {
  const shown = await boxOf(
    page
      .getByRole("region", { name: /^Notifications/ })
      .locator("[data-sonner-toast]")
      .filter({ hasText: message })
  );
  for (const control of controls) expect(intersects(shown, await boxOf(control)), `the toast covers ${control.toString()}`).toBe(false);
}

test("another admin's rename and disable reads as such in a toast, the row flashes, and the toast covers neither Save nor pagination", async ({
  browser,
  page: ada,
  loginAs,
  urls
}) => {
  test.setTimeout(120_000);
  await loginAs(ada, "admin");
  const sam = await signedIn(browser, urls.web, loginAs, "supervisor");
  const number = uniqueExtensionNumber();
  const renamed = `Sales desk ${uniqueSuffix()}`;
  await navigate(ada, "Extensions");
  await createExtensionThroughUi(ada, { number, displayName: `Desk ${uniqueSuffix()}` });

  await test.step("Sam's list tells who changed what, and flashes the row and its changed cells", async () => {
    await navigate(sam, "Extensions");
    await expect(row(sam, "Extensions", number)).toBeVisible(LIVE);
    await editExtensionThroughUi(ada, number, { displayName: renamed, enabled: false });
    const message = `Ada Admin renamed extension ${number} to ${renamed} and disabled it`;
    const changed = row(sam, "Extensions", number);
    await Promise.all([
      expect(toast(sam, message)).toBeVisible(LIVE),
      expect(changed).toHaveAttribute("data-flash", "changed", LIVE),
      expect(changed.getByRole("cell", { name: renamed })).toHaveAttribute("data-flash", "changed", LIVE)
    ]);
    await expect(changed).toContainText("Disabled");
    await expectClear(sam, message, [
      sam.getByRole("button", { name: "Previous page" }),
      sam.getByRole("button", { name: "Next page" }),
      sam.getByLabel("Rows per page")
    ]);
    // The flash is brief: the row goes back to normal.
    await expect(changed).not.toHaveAttribute("data-flash", /.*/, LIVE);
  });

  await test.step("a toast arriving while Sam edits a form stays clear of its Save button", async () => {
    await sam.getByRole("link", { name: `Edit extension ${number}`, exact: true }).click();
    const save = sam.getByRole("button", { name: "Save changes" });
    await save.scrollIntoViewIfNeeded();
    await editExtensionThroughUi(ada, number, { enabled: true });
    const message = `Ada Admin enabled extension ${number}`;
    await expect(toast(sam, message)).toBeVisible(LIVE);
    await expectClear(sam, message, [save]);
  });
});

test("a call menu opened while a toast shows sits above it, so the toast never takes the menu's clicks", async ({ browser, page: sam, loginAs, urls }) => {
  test.setTimeout(90_000);
  await loginAs(sam, "supervisor");
  const ada = await signedIn(browser, urls.web, loginAs, "admin");
  await sam.goto("/operator");
  await expect(sam.getByRole("heading", { level: 1, name: "Operator" })).toBeVisible();
  const number = uniqueExtensionNumber();
  await navigate(ada, "Extensions");
  await createExtensionThroughUi(ada, { number, displayName: `Lobby ${uniqueSuffix()}` });
  await expect(toast(sam, `Ada Admin created extension ${number}`)).toBeVisible(LIVE);

  await sam
    .getByRole("list", { name: "Extension lamps" })
    .getByRole("listitem", { name: `Extension ${number}`, exact: true })
    .getByRole("button")
    .click();
  const menu = sam.getByRole("menu");
  await expect(menu).toBeVisible();
  const zIndexOf = (locator: Locator) =>
    locator.evaluate((element) => Number(getComputedStyle(element.closest("[data-radix-popper-content-wrapper], [data-sonner-toaster]") ?? element).zIndex));
  const toasts = await zIndexOf(sam.locator("[data-sonner-toaster]"));
  expect(toasts).toBeLessThan(await zIndexOf(menu));
  // Still above the page's own layers (sticky table columns).
  expect(toasts).toBeGreaterThan(10);
});
