import type { FieldChanges } from "@switchboard/contracts";

/** Bookkeeping that changes with every write and says nothing about what the person changed. */
const BOOKKEEPING: ReadonlySet<string> = new Set(["id", "version", "createdAt", "updatedAt"]);

/** The fields of two views of one row that differ, before → after (compared as JSON). */
export function changedFields(before: object, after: object): FieldChanges {
  const changes: FieldChanges = {};
  const was = before as Record<string, unknown>;
  for (const [field, to] of Object.entries(after)) {
    if (BOOKKEEPING.has(field)) continue;
    const from = was[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
