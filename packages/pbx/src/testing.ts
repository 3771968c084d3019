export { FakeAmiServer, type FakeAmiServerOptions } from "./testing/fake-ami-server";
export { readFixture, fixturePath } from "./testing/fixtures";
export { createPbxTestOrg, TEST_EXTENSIONS } from "./testing/pbx-test-org";
export { startConnectorHarness, silentLog, onPremEgress } from "./testing/connector-harness";
export { waitForEmit } from "./testing/wait-for";
