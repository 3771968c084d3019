import { defineConfig } from "vitest/config";
import { suiteOptions } from "@switchboard/vitest-config";

export default defineConfig({
  test: suiteOptions({ testTimeout: 30_000, hookTimeout: 60_000 })
});
