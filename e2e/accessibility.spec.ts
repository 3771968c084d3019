import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type DemoAccount } from "./fixtures";
import { consolePages, openPage, publicPages, type ConsolePage } from "./fixtures/pages";

/**
 * Every page, as each role that sees it, in light and in dark mode: axe (WCAG 2.1 A and AA rules)
 * finds no serious or critical violation. All pages are checked before the one assertion, so a
 * failure lists everything at once.
 */
const THEMES = ["light", "dark"] as const;
const ROLES: DemoAccount[] = ["admin", "agent", "customer"];

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
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

async function checkPages(page: Page, pages: readonly ConsolePage[], theme: string, found: string[]): Promise<void> {
  for (const { path, name } of pages) {
    await openPage(page, path);
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    found.push(...(await seriousViolations(page, `${name} (${path}, ${theme})`)));
  }
}

for (const theme of THEMES) {
  for (const role of ROLES) {
    test(`every page ${role}s see has no serious accessibility violations in ${theme} mode`, async ({ browser, loginAs, urls }) => {
      test.setTimeout(300_000);
      const context = await browser.newContext({ baseURL: urls.web, colorScheme: theme });
      const page = await context.newPage();
      await loginAs(page, role);
      const found: string[] = [];
      await checkPages(page, await consolePages(page, role), theme, found);
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  test(`the pages before sign-in have no serious accessibility violations in ${theme} mode`, async ({ browser, stack, urls }) => {
    test.setTimeout(120_000);
    const { pages, cleanup } = await publicPages(stack);
    try {
      const context = await browser.newContext({ baseURL: urls.web, colorScheme: theme });
      const page = await context.newPage();
      const found: string[] = [];
      await checkPages(page, pages, theme, found);
      expect(found, found.join("\n")).toEqual([]);
    } finally {
      await cleanup();
    }
  });
}
