import "server-only";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { listExtensions, listExtensionStatuses } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listAll } from "@/server/list-all";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface OperatorData {
  seq: number;
  extensions: ExtensionView[];
  statuses: ExtensionStatusView[];
  truncated: boolean;
}

/** Every extension with its live status, as of one seq. */
export async function loadOperator(viewer: Viewer): Promise<OperatorData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const list = await listAll((page, pageSize) => listExtensions(services, viewer, { page, pageSize, sort: "number", dir: "asc" }));
    return { ...list, statuses: await listExtensionStatuses(services, viewer) };
  });
  return { seq, extensions: data.rows, statuses: data.statuses, truncated: data.truncated };
}
