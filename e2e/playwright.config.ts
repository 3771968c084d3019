import { defineConfig } from "@playwright/test";
import { e2eEnv } from "./support/env";

/**
 * One shared stack (web + realtime + private Redis + throwaway database) started by global setup;
 * tests crash and restart its servers, so they run one at a time.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  testIgnore: ["**/node_modules/**"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: e2eEnv.ci,
  timeout: 60_000,
  // Limits for a loaded machine (CI beside other work): a server-rendered page or a live change can
  // take several seconds there. Passing waits end as soon as their state is reached.
  expect: { timeout: 15_000 },
  // Bounds a hung run, not a slow one: beside a CPU hog the suite takes about 25 minutes.
  globalTimeout: 45 * 60_000,
  globalSetup: "./global-setup.ts",
  globalTeardown: "./global-teardown.ts",
  outputDir: "test-results",
  reporter: [["list"], ["html", { outputFolder: "playwright-report", open: "never" }]],
  use: {
    browserName: "chromium",
    // Off unless asked for: recording (a screencast and a DOM snapshot per action) took about 40 % of
    // the suite's CPU, for every test, to keep files only failed ones leave and nobody reads in CI.
    trace: e2eEnv.trace ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: e2eEnv.chromiumPath,
      // --in-process-gpu: with no GPU the compositor only rasterizes in software, and doing it in the
      // browser process instead of a process of its own spent about a tenth less of Chromium's CPU,
      // most of the suite's.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--in-process-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run"
      ]
    }
  }
});
