import { withActor } from "@switchboard/db";
import type { CreatedItem, ImportKindSpec, ImportRowBase, ImportRun } from "./import-kind";

/** Items deleted per transaction when an import is undone. */
const REMOVE_CHUNK = 200;

/**
 * How an all-or-nothing import is undone, whatever it imports: it commits its rows in batches (so
 * progress and cancel work while it runs) and, when it fails, is cancelled or gives up, deletes
 * what those batches created, by the kind's key, through the hooks (so open consoles drop the rows
 * at once). Idempotent: an attempt that dies while undoing is undone again by the next one.
 */
export async function removeCreatedItems(kind: ImportKindSpec<ImportRowBase, unknown>, run: ImportRun, created: readonly CreatedItem[]): Promise<void> {
  const keys = created.flatMap((c) => {
    const key = kind.keyOf(c);
    return key === null ? [] : [key];
  });
  for (let i = 0; i < keys.length; i += REMOVE_CHUNK) {
    const chunk = keys.slice(i, i + REMOVE_CHUNK);
    await withActor(run.actor, () => run.deps.db.$transaction((tx) => kind.remove(tx, run, chunk)));
  }
}
