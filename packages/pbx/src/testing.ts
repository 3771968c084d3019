export { FakeAmiServer, type FakeAmiServerOptions } from "./testing/fake-ami-server";
export { readFixture } from "./testing/fixtures";
export { silentLog, onPremEgress } from "./testing/connector-harness";
