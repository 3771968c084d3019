export * from "./testing/test-database";
export * from "./testing/ticket-world";
