"use client";

import { useEffect } from "react";
import type { Topic } from "@switchboard/contracts";
import { useRealtimeContext } from "./realtime-provider";
import { topicsKey, topicsOfKey } from "./topics";

/**
 * Follows `topics` while the calling component is mounted, for a snapshot read at `since`
 * (omitted: from now on): the tab receives their events after it, then live.
 */
export function useTopics(topics: readonly Topic[], since?: number): void {
  const { client } = useRealtimeContext();
  const key = topicsKey(topics);
  useEffect(() => {
    if (!client || key === "") return;
    return client.subscribeTopics(topicsOfKey(key), since);
  }, [client, key, since]);
}
