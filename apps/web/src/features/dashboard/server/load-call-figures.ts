import "server-only";
import { countCallFigures, organizationTimeZone, type CallFigures } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface CallFiguresSnapshot {
  seq: number;
  figures: CallFigures;
  /** Whose "today": the organization's time zone. */
  timeZone: string;
}

/** Today's call figures (the organization's day) and channels in use per trunk, with the seq they reflect. */
export async function loadCallFigures(viewer: Viewer): Promise<CallFiguresSnapshot> {
  const { services } = getRuntime();
  const timeZone = await organizationTimeZone(services.db, viewer.orgId);
  const { seq, data } = await readSnapshot(viewer.orgId, () => countCallFigures(services, viewer));
  return { seq, figures: data, timeZone };
}
