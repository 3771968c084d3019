import "server-only";
import { canReadQueues } from "@switchboard/auth";
import type { PauseReasonView, QueueMemberView } from "@switchboard/contracts";
import { listOwnMemberships, listPauseReasons } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface AgentPanelData {
  seq: number;
  memberships: (QueueMemberView & { queueName: string })[];
  pauseReasons: PauseReasonView[];
}

/** The signed-in user's own queue memberships and the reasons they may pause with; null when they have none. */
export async function loadAgentPanel(viewer: Viewer): Promise<AgentPanelData | null> {
  if (!canReadQueues(viewer)) return null;
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const memberships = await listOwnMemberships(services, viewer);
    return { memberships, pauseReasons: memberships.length ? await listPauseReasons(services, viewer) : [] };
  });
  return data.memberships.length ? { seq, ...data } : null;
}
