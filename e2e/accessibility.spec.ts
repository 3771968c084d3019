import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type DemoAccount } from "./fixtures";
import { consolePages, openPage, publicPages, type ConsolePage } from "./fixtures/pages";

/**
 * Every page, as each role that sees it: axe (WCAG 2.1 A and AA rules) finds no serious or critical
 * violation in light mode, nor a colour one in dark mode, and nothing scrolls sideways on a 390 px
 * phone. One visit per page does all three (the theme and the width change in place, as they do
 * for a user), and every page is checked before the one assertion, so a failure lists everything.
 */
const ROLES: DemoAccount[] = ["admin", "agent", "customer"];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The rules whose outcome depends on colours; the others see the same page in either theme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function seriousViolations(page: Page, where: string, rules?: string[]): Promise<string[]> {
  // Only violations are read: axe then details no passing or inapplicable node (its own advice for speed).
  const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  const results = await (rules ? axe.withRules(rules) : axe.withTags(WCAG)).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join("\n    ")}`
    );
}

/**
 * Switches the page to dark as the OS setting does (the boot script's rule, applied in place), and
 * waits for colour transitions to end: axe measures the colours on screen.
 */
async function darken(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(async () => {
    document.documentElement.classList.add("dark");
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((transition) => transition.finished.catch(() => undefined))
    );
  });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
}

const pageWidth = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));

/** Narrows the window to a phone's; charts and other measured parts get a moment to follow, as on a rotated phone. */
async function sidewaysOnPhone(page: Page, where: string): Promise<string[]> {
  await page.setViewportSize(PHONE);
  const fits = await expect
    .poll(async () => {
      const { scrollWidth, clientWidth } = await pageWidth(page);
      return scrollWidth <= clientWidth;
    })
    .toBe(true)
    .then(
      () => true,
      () => false
    );
  if (fits) return [];
  const { scrollWidth, clientWidth } = await pageWidth(page);
  return [`${where}: ${scrollWidth}px wide on a ${clientWidth}px phone (tables scroll inside their own box)`];
}

async function checkPages(page: Page, pages: readonly ConsolePage[]): Promise<string[]> {
  const found: string[] = [];
  for (const { path, name } of pages) {
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: "light" });
    await openPage(page, path);
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    found.push(...(await seriousViolations(page, `${name} (${path}, light)`)));
    await darken(page);
    found.push(...(await seriousViolations(page, `${name} (${path}, dark)`, COLOUR_RULES)));
    found.push(...(await sidewaysOnPhone(page, `${name} (${path})`)));
  }
  return found;
}

for (const role of ROLES) {
  test(`every page ${role}s see: no serious accessibility violation in light or dark mode, no sideways scroll on a phone`, async ({
    browser,
    loginAs,
    urls
  }) => {
    test.setTimeout(300_000);
    const page = await (await browser.newContext({ baseURL: urls.web, viewport: DESKTOP })).newPage();
    await loginAs(page, role);
    const found = await checkPages(page, await consolePages(page, role));
    expect(found, found.join("\n")).toEqual([]);
  });
}

test("the pages before sign-in: no serious accessibility violation in light or dark mode, no sideways scroll on a phone", async ({ browser, stack, urls }) => {
  test.setTimeout(120_000);
  const { pages, cleanup } = await publicPages(stack);
  try {
    const page = await (await browser.newContext({ baseURL: urls.web, viewport: DESKTOP })).newPage();
    const found = await checkPages(page, pages);
    expect(found, found.join("\n")).toEqual([]);
  } finally {
    await cleanup();
  }
});
