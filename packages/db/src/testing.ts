export * from "./testing/test-database";
export * from "./testing/ticket-world";
export * from "./testing/ticket-test-world";
export * from "./testing/prng";
