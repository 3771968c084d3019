import "server-only";
import { countDashboard } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export type DashboardCounts = Awaited<ReturnType<typeof countDashboard>>;

export async function loadDashboardCounts(viewer: Viewer): Promise<{ seq: number; counts: DashboardCounts }> {
  const { db } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, () => countDashboard(db, viewer));
  return { seq, counts: data };
}
