// Seed code: the demo organization and the row factories it (and the test suites) build with.
export { createOrganization, createUser, extensionData, createExtensionRow, trunkData } from "./seed/factories";
export { seedDemo, DEMO_ORG_SLUG, DEMO_PASSWORD, DEMO_USERS } from "./seed/demo";
