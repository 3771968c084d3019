import { expect, test } from "./fixtures";
import { connectionStatus } from "./fixtures/console";

test.describe("HTTP hardening", () => {
  test("pages carry a nonce CSP, and the console runs under it: theme script, hydration, live connection", async ({ browser, urls, loginAs }) => {
    const context = await browser.newContext({ baseURL: urls.web, colorScheme: "dark" });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|connect|apply)/i.test(message.text())) violations.push(message.text());
    });

    const response = await page.goto("/login");
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ${urls.realtime} ${urls.realtime.replace(/^http/, "ws")}`);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Plain http: no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
    // The inline theme script ran with its nonce (dark scheme → class "dark" before hydration).
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);

    const again = await page.request.get("/login");
    expect(again.headers()["content-security-policy"]).not.toBe(csp);

    await loginAs(page, "admin");
    await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
    expect(violations).toEqual([]);
  });
});
