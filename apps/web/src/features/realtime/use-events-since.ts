"use client";

import { useEffect, useMemo } from "react";
import type { DomainEvent, Topic } from "@switchboard/contracts";
import type { EventsSince } from "./event-buffer";
import { useRealtimeContext, useRealtimeSnapshot } from "./realtime-provider";
import { topicsKey, topicsOfKey } from "./topics";
import { useTopics } from "./use-topics";

const NONE: readonly DomainEvent[] = [];

/**
 * The events of `topics` this tab received after a snapshot taken at `snapshotSeq` (deduplicated
 * by id, in seq order), re-read whenever one arrives; the topics are followed while mounted.
 * undefined: not yet (no connection, or a topic's subscription under way); null: the tab cannot
 * vouch for everything since the snapshot (see EventsSince).
 */
export function useBufferSince(snapshotSeq: number, topics: readonly Topic[]): EventsSince {
  const { client } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  useTopics(topics, snapshotSeq);
  const key = topicsKey(topics);
  return useMemo(
    () => client?.buffer.since(snapshotSeq, topicsOfKey(key)),
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, version, snapshotSeq, key]
  );
}

/**
 * The events of `topics` to patch a server snapshot taken at `snapshotSeq` with (none until they
 * are followed). When the tab cannot vouch for everything since the snapshot, the page is
 * refetched instead of guessing and, meanwhile, no events are applied.
 */
export function useEventsSince(snapshotSeq: number, topics: readonly Topic[]): readonly DomainEvent[] {
  const { requestRefresh } = useRealtimeContext();
  const events = useBufferSince(snapshotSeq, topics);
  const stale = events === null;

  useEffect(() => {
    if (stale) requestRefresh();
  }, [stale, snapshotSeq, requestRefresh]);

  return events ?? NONE;
}

/**
 * For views that never go backwards (each event carries the whole state and only a newer one is
 * applied): the events of `topics` after `snapshotSeq` when the tab can vouch for them, else every
 * one it holds. Without a snapshot seq (something this tab just started) followed from now on.
 */
export function useHeldEvents(topics: readonly Topic[], snapshotSeq?: number): readonly DomainEvent[] {
  const { client } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  useTopics(topics, snapshotSeq);
  const key = topicsKey(topics);
  return useMemo(
    () => {
      if (!client) return NONE;
      const wanted = topicsOfKey(key);
      return (snapshotSeq === undefined ? null : client.buffer.since(snapshotSeq, wanted)) ?? client.buffer.held(wanted);
    },
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, version, snapshotSeq, key]
  );
}
