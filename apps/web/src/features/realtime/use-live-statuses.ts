"use client";

import { useMemo } from "react";
import type { ExtensionStatusView, TrunkStatusView } from "@switchboard/contracts";
import { applyExtensionStatusEvents, applyTrunkStatusEvents, EXTENSION_STATUS_TOPICS, TRUNK_STATUS_TOPICS } from "./live-statuses";
import { useEventsSince } from "./use-events-since";

/** Extension statuses read at `seq`, kept current by extension.status_changed events. */
export function useLiveExtensionStatuses(initial: readonly ExtensionStatusView[], seq: number): Map<string, ExtensionStatusView> {
  const events = useEventsSince(seq, EXTENSION_STATUS_TOPICS);
  return useMemo(() => applyExtensionStatusEvents(initial, events), [initial, events]);
}

/** Trunk statuses read at `seq`, kept current by trunk.status_changed events. */
export function useLiveTrunkStatuses(initial: readonly TrunkStatusView[], seq: number): Map<string, TrunkStatusView> {
  const events = useEventsSince(seq, TRUNK_STATUS_TOPICS);
  return useMemo(() => applyTrunkStatusEvents(initial, events), [initial, events]);
}
