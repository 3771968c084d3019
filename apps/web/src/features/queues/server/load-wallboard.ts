import "server-only";
import type { WallboardSnapshot } from "@switchboard/contracts";
import { readWallboard } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

/** The wallboard as of one seq: queues, members, waiting callers and today's outcomes. */
export async function loadWallboard(viewer: Viewer): Promise<WallboardSnapshot & { serverTime: string }> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, () => readWallboard(services, viewer));
  return { seq, ...data, serverTime: new Date().toISOString() };
}
