export { FakeAmiServer } from "./testing/fake-ami-server";
export { readFixture } from "./testing/fixtures";
export { silentLog } from "./testing/connector-harness";
