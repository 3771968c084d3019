import type { Database } from "../client/create-client";
import type { PendingEvent } from "../outbox/outbox-batch";

/** The events `database` announces as committed while `fn` runs. */
export async function announcedBy(database: Database, fn: () => Promise<unknown>): Promise<PendingEvent[]> {
  const announced: PendingEvent[] = [];
  const onCommitted = (events: PendingEvent[]) => announced.push(...events);
  database.notifier.on("committed", onCommitted);
  try {
    await fn();
  } finally {
    database.notifier.off("committed", onCommitted);
  }
  return announced;
}
