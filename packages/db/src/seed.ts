// Seed code: the demo organization and the row factories it (and the test suites) build with.
export * from "./seed/factories";
export * from "./seed/demo";
