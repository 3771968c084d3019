import { expect, test } from "./fixtures";
import { LIVE } from "./fixtures/console";

// Sideways scrolling on a phone is checked on every page by accessibility.spec.ts.
const PHONE = { width: 390, height: 844 };

test("at 1280 px the admin's header is one row with every link of the navigation in view", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginAs(page, "admin");
  const header = page.getByRole("banner");
  const nav = header.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("button", { name: "Menu" })).toBeHidden();
  // Measured at rest: a longer connection state ("Connecting…" on a busy machine) takes width the
  // navigation then scrolls inside itself to give back, by design.
  await expect(header.getByRole("status")).toHaveText("Live", LIVE);
  const parts = [
    header.getByRole("link", { name: /^Switchboard\s*, dashboard$/ }),
    nav,
    header.getByRole("status"),
    header.getByRole("button", { name: "Sign out" })
  ];
  const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox()) ?? { x: 0, y: -1000, width: 0, height: 0 }));
  const middles = boxes.map((box) => box.y + box.height / 2);
  // One row: every part is centred on the same line (within a few pixels), none wrapped below.
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(6);
  // Nothing of the navigation is cut off or scrolled away.
  const overflow = await nav.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const link of await nav.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
});

test("on a phone the navigation is a Menu disclosure: keyboard, Escape and navigation close it", async ({ browser, loginAs, urls }) => {
  const page = await (await browser.newContext({ baseURL: urls.web, viewport: PHONE })).newPage();
  await loginAs(page, "admin");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  await test.step("Enter opens it, Escape closes it and focus returns to the button", async () => {
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Settings", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link").first()).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  await test.step("following a link closes it on the new page", async () => {
    await menu.click();
    await nav.getByRole("link", { name: "Tickets", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  });
});
