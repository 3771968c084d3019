import type { DbClient } from "../client/create-client";
import { DomainError } from "../services/errors";
import type { ServiceDeps } from "../services/extensions";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { createTicketOrg, type TicketOrg } from "./ticket-world";

export interface TicketTestWorld {
  t: TestDatabase;
  db: DbClient;
  deps: ServiceDeps;
  /** The organization under test. */
  orgA: TicketOrg;
  /** Another organization, to prove nothing crosses over. */
  orgB: TicketOrg;
}

/** A fresh database with two ticket organizations (A and B), as the ticket service tests start from. Drop it with `t.drop()`. */
export async function createTicketTestWorld(): Promise<TicketTestWorld> {
  const t = await createTestDatabase();
  const db = t.database.client;
  return { t, db, deps: { db, box: t.box }, orgA: await createTicketOrg(db, "A"), orgB: await createTicketOrg(db, "B") };
}

/**
 * The DomainError a promise rejects with (or a function throws or rejects with, e.g. an edge's
 * parse before the service call); fails the test if it succeeds or fails with anything else.
 */
export async function rejectionOf(work: Promise<unknown> | (() => Promise<unknown>)): Promise<DomainError> {
  const promise = typeof work === "function" ? Promise.resolve().then(work) : work;
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
