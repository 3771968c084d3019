import { defineConfig } from "@playwright/test";
import suite from "./playwright.config";

/** The documentation's screenshots (docs/images), written against the suite's throwaway stack. */
export default defineConfig({
  ...suite,
  testDir: "./screenshots",
  testMatch: "**/*.screenshot.ts",
  globalTimeout: 10 * 60_000,
  reporter: [["list"]]
});
