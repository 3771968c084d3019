import "server-only";
import type { PauseReasonView, QueueView } from "@switchboard/contracts";
import { listCallDirectory, listPauseReasons, listQueues } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface QueueAdminData {
  seq: number;
  queues: QueueView[];
  pauseReasons: PauseReasonView[];
  extensions: { id: string; number: string; displayName: string }[];
}

/** Queues with their members, the pause reasons and the extensions that may become members. */
export async function loadQueueAdmin(viewer: Viewer): Promise<QueueAdminData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const [queues, pauseReasons, directory] = await Promise.all([
      listQueues(services, viewer),
      listPauseReasons(services, viewer),
      listCallDirectory(services, viewer)
    ]);
    return { queues, pauseReasons, extensions: directory.extensions };
  });
  return { seq, ...data };
}
