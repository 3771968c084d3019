import type { ViteUserConfig } from "vitest/config";

type TestOptions = NonNullable<ViteUserConfig["test"]>;

/** The test options of every workspace's vitest config, with `options` on top (see index.js). */
export function suiteOptions(options?: TestOptions): TestOptions;
