import "server-only";
import type { CallView, ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { listActiveCalls, listExtensions, listExtensionStatuses } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listAll } from "@/server/list-all";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface OperatorData {
  seq: number;
  extensions: ExtensionView[];
  statuses: ExtensionStatusView[];
  /** Calls in progress, to show who each busy extension is talking to. */
  activeCalls: CallView[];
  truncated: boolean;
}

/** Every extension with its live status and the calls in progress, as of one seq. */
export async function loadOperator(viewer: Viewer): Promise<OperatorData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const list = await listAll((page, pageSize) => listExtensions(services, viewer, { page, pageSize, sort: "number", dir: "asc" }));
    const [statuses, activeCalls] = await Promise.all([listExtensionStatuses(services, viewer), listActiveCalls(services, viewer)]);
    return { ...list, statuses, activeCalls };
  });
  return { seq, extensions: data.rows, statuses: data.statuses, activeCalls: data.activeCalls, truncated: data.truncated };
}
