"use client";

import { useMemo } from "react";
import { applyEntityEvents, type EntityKind } from "./apply-entity-events";
import { familyOfKind } from "./topics";
import { useEventsSince } from "./use-events-since";

/**
 * A server-rendered list kept current: the rows read at `snapshotSeq`, patched with every event of
 * their kind this tab received after that seq (or refetched when the tab cannot vouch for them).
 */
export function useLiveCollection<T extends { id: string }>(kind: EntityKind, initialRows: readonly T[], snapshotSeq: number): T[] {
  const events = useEventsSince(snapshotSeq, [familyOfKind(kind)]);
  return useMemo(() => applyEntityEvents(initialRows, events, kind), [initialRows, events, kind]);
}
