"use client";

import { useMemo, useState } from "react";
import type { PauseReasonView } from "@switchboard/contracts";
import { useLiveCollection } from "@/features/realtime/use-live-collection";

/** The organization's pause reasons, kept current as admins add or remove them, by label. */
export function useLivePauseReasons(initial: readonly PauseReasonView[], seq: number): PauseReasonView[] {
  const live = useLiveCollection("pause_reason", initial, seq);
  return useMemo(() => [...live].sort((a, b) => a.label.localeCompare(b.label)), [live]);
}

/** The reason a pause menu has chosen: the first one until someone picks, and again if theirs is removed. */
export function usePauseReasonChoice(reasons: readonly PauseReasonView[]): [string, (label: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  const reason = chosen !== null && reasons.some((r) => r.label === chosen) ? chosen : (reasons[0]?.label ?? "");
  return [reason, setChosen];
}
