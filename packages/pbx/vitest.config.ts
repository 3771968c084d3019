import { defineConfig } from "vitest/config";
import { suiteOptions } from "@switchboard/vitest-config";

export default defineConfig({
  test: suiteOptions()
});
