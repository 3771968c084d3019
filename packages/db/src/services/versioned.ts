import type { CurrentVersion, EventType } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { Prisma } from "../generated/prisma/client";
import { DomainError, notFound, type NotFoundSubject } from "./errors";

/**
 * No silent overwrite (G8). Every editable entity has a `version` column bumped by every update;
 * an update or delete may name the version it was based on, and is refused when the row has moved
 * on — with who changed it and the current version, so the editor can decide.
 *
 * Adding it to an entity: a `version Int @default(1)` column, `version` in its view, the optional
 * `version` in its update schema (contracts' `expectedVersionField`), and its writes through
 * `writeAtVersion` (or `assertVersion` under a row lock) with `nextVersion` in the data.
 */

/** An entity the helpers guard: what a refusal calls it and which events record its changes. */
export interface VersionedSubject {
  what: NotFoundSubject;
  /** The outbox subject kind of its events. */
  kind: string;
  /** The event types that change it (who made the newest one is who a refusal names). */
  changeTypes: readonly EventType[];
}

/** A refused stale change: the API answers 409 with `current`; forms show "… changed this". */
export class StaleVersionError extends DomainError {
  constructor(
    message: string,
    public readonly current: CurrentVersion
  ) {
    super("conflict", message, { version: message });
  }
}

/** Whether an error is a refused stale change (also across module copies, like DomainError). */
export function isStaleVersionError(error: unknown): error is StaleVersionError {
  return error instanceof DomainError && error.code === "conflict" && "current" in error && typeof (error as StaleVersionError).current === "object";
}

/** The data of every versioned update: the next version. */
export const nextVersion = { version: { increment: 1 } } as const;

/** The `where` addition that makes an update or delete apply only at the expected version. */
export function atVersion(expected: number | undefined): { version?: number } {
  return expected === undefined ? {} : { version: expected };
}

/** Who made the newest recorded change to a subject (null when unknown or pruned). */
async function lastChangedBy(db: DbClient, orgId: string, subject: VersionedSubject, id: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ actor_name: string | null }[]>`
    SELECT actor_name FROM outbox_events
     WHERE organization_id = ${orgId}::uuid AND subject_kind = ${subject.kind} AND subject_id = ${id}
       AND type = ANY(${[...subject.changeTypes]}::text[])
     ORDER BY seq DESC LIMIT 1`;
  return rows[0]?.actor_name ?? null;
}

async function staleVersion(db: DbClient, orgId: string, subject: VersionedSubject, ref: { id: string; label: string }, expected: number, version: number) {
  const changedBy = await lastChangedBy(db, orgId, subject, ref.id);
  const who = changedBy ?? "someone else";
  return new StaleVersionError(
    `${subject.what} ${ref.label} was changed by ${who} since you loaded it (your version ${expected}, now ${version}): reload it, or send your change again with version ${version} to keep yours`,
    { version, changedBy }
  );
}

/**
 * For writes made under the row's lock (the caller read `row` FOR UPDATE): refuses the change when
 * the row is not at the expected version.
 */
export async function assertVersion(
  db: DbClient,
  subject: VersionedSubject,
  row: { id: string; organizationId: string; version: number },
  label: string,
  expected: number | undefined
): Promise<void> {
  if (expected === undefined || row.version === expected) return;
  throw await staleVersion(db, row.organizationId, subject, { id: row.id, label }, expected, row.version);
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/**
 * Runs an update or delete whose `where` includes `atVersion(expected)` (and whose data includes
 * `nextVersion`). When it matches no row, says why: the row is gone (not found) or it moved on
 * (stale, naming who changed it). `current` reads the row's version and label, in the same
 * transaction, when the write missed. Other errors pass through unchanged.
 */
export async function writeAtVersion<T>(
  db: DbClient,
  subject: VersionedSubject,
  ref: { orgId: string; id: string; expected: number | undefined },
  write: () => Promise<T>,
  current: () => Promise<{ version: number; label: string } | null>
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
    const now = await current();
    if (!now) throw notFound(subject.what);
    if (ref.expected !== undefined && now.version !== ref.expected) {
      throw await staleVersion(db, ref.orgId, subject, { id: ref.id, label: now.label }, ref.expected, now.version);
    }
    throw error;
  }
}
