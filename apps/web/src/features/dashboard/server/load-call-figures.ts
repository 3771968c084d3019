import "server-only";
import { callListQuerySchema, countCallFigures, findOwnExtensionNumber, listCalls, organizationTimeZone, type CallFigures } from "@switchboard/db";
import { dayIn } from "@switchboard/contracts";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface CallFiguresSnapshot {
  seq: number;
  figures: CallFigures;
  /** Whose "today": the organization's time zone. */
  timeZone: string;
  /** Today in that time zone (YYYY-MM-DD), as the calls list's date filters take it. */
  day: string;
  /** An agent's figures count their own extension's calls only: its number; null for the whole organization. */
  extension: string | null;
}

type Services = ReturnType<typeof getRuntime>["services"];

/**
 * An agent's own calls: counted by the calls list itself (same filters as the links lead to), so a
 * figure and the list it opens always agree.
 */
async function countOwnCalls(services: Services, viewer: Viewer, extension: string, day: string): Promise<Omit<CallFigures, "trunks">> {
  const count = async (filters: Record<string, string>) =>
    (await listCalls(services, viewer, callListQuerySchema.parse({ ...filters, extension, pageSize: 1 }))).total;
  const today = { from: day, to: day };
  const [activeCalls, callsToday, answeredToday, missedToday] = await Promise.all([
    count({ state: "live" }),
    count(today),
    count({ ...today, result: "answered" }),
    count({ ...today, result: "missed" })
  ]);
  return { activeCalls, callsToday, answeredToday, missedToday };
}

/** Today's call figures (the organization's day) and channels in use per trunk, with the seq they reflect. */
export async function loadCallFigures(viewer: Viewer): Promise<CallFiguresSnapshot> {
  const { services } = getRuntime();
  const [timeZone, extension] = await Promise.all([
    organizationTimeZone(services.db, viewer.orgId),
    viewer.role === "agent" ? findOwnExtensionNumber(services.db, viewer) : null
  ]);
  const day = dayIn(timeZone);
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const all = await countCallFigures(services, viewer);
    return extension ? { ...all, ...(await countOwnCalls(services, viewer, extension, day)) } : all;
  });
  return { seq, figures: data, timeZone, day, extension };
}
