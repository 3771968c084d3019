import { expect, test } from "./fixtures";
import { startEmbeddedWeb, type EmbeddedWeb } from "./support/embedded-web";

/** The newcomer's promise: the first page after `npm ci && npm start` moves. */
const FIRST_LIVE_CALL_WITHIN_MS = 30_000;

let web: EmbeddedWeb | undefined;
test.afterAll(async () => {
  await web?.stop();
});

test("a fresh embedded start (no DATABASE_URL, no REDIS_URL, empty DATA_DIR) shows a live call on /calls within 30 s", async ({ browser, loginAs }) => {
  test.setTimeout(300_000);
  const started = await startEmbeddedWeb();
  web = started;

  await test.step("the console prints the URL, the demo logins and how to turn the simulator off", async () => {
    const output = started.output();
    expect(output).toContain(`Switchboard is ready at ${started.url}`);
    expect(output).toContain("Demo logins (password switchboard-demo):");
    expect(output).toContain("admin@demo.test");
    expect(output).toContain("SIMULATOR=off npm start");
  });

  await test.step("an admin signs in and, without touching anything, sees a call in progress", async () => {
    const context = await browser.newContext({ baseURL: started.url });
    try {
      const page = await context.newPage();
      await loginAs(page, "admin");
      await page.goto("/calls");
      const activeCalls = page.getByRole("table", { name: "Active calls" });
      const remaining = Math.max(1_000, FIRST_LIVE_CALL_WITHIN_MS - (Date.now() - started.readyAt));
      // A ticking duration is what a live call row shows; it appears without a reload.
      await expect(activeCalls.getByRole("timer", { name: "Duration" }).first()).toBeVisible({ timeout: remaining });
    } finally {
      await context.close();
    }
  });
});
