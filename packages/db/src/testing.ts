export { createTestDatabase, type TestDatabase } from "./testing/test-database";
export { createTicketOrg, type WorldUser, type TicketOrg } from "./testing/ticket-world";
export { prng } from "./testing/prng";
export { startDatabaseProxy, type DatabaseProxy } from "./testing/database-proxy";
