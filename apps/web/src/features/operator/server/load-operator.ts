import "server-only";
import type { CallDirectory, CallView, ExtensionStatusView, ExtensionView, TrunkStatusView } from "@switchboard/contracts";
import { listActiveCalls, listCallDirectory, listExtensions, listExtensionStatuses, listOffices, listQueues, listTrunkStatuses } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listAll } from "@/server/list-all";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import { groupsOf, type ExtensionGroup } from "../operator-filter";

export interface OperatorData {
  seq: number;
  extensions: ExtensionView[];
  statuses: ExtensionStatusView[];
  /** Calls in progress: who each busy extension is talking to, the waiting calls, trunk channels in use. */
  activeCalls: CallView[];
  trunks: CallDirectory["trunks"];
  trunkStatuses: TrunkStatusView[];
  /** Offices (through their members' extensions) and queues, to narrow the panel to. */
  groups: ExtensionGroup[];
  /** The viewer's own extension, where "Pick up" sends a waiting call; null without one. */
  ownExtension: { id: string; number: string } | null;
  truncated: boolean;
}

/** Every extension with its live status, the calls in progress and the trunks, as of one seq. */
export async function loadOperator(viewer: Viewer): Promise<OperatorData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const list = await listAll((page, pageSize) => listExtensions(services, viewer, { page, pageSize, sort: "number", dir: "asc" }));
    const [statuses, activeCalls, directory, trunkStatuses, offices, queues] = await Promise.all([
      listExtensionStatuses(services, viewer),
      listActiveCalls(services, viewer),
      listCallDirectory(services, viewer),
      listTrunkStatuses(services, viewer),
      listOffices(services, viewer),
      listQueues(services, viewer)
    ]);
    return { ...list, statuses, activeCalls, trunks: directory.trunks, trunkStatuses, groups: groupsOf(offices, queues, list.rows) };
  });
  const own = data.rows.find((ext) => ext.userId === viewer.id);
  return {
    seq,
    extensions: data.rows,
    statuses: data.statuses,
    activeCalls: data.activeCalls,
    trunks: data.trunks,
    trunkStatuses: data.trunkStatuses,
    groups: data.groups,
    ownExtension: own ? { id: own.id, number: own.number } : null,
    truncated: data.truncated
  };
}
