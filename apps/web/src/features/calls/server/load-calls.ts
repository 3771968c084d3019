import "server-only";
import { boundIn, type CallView } from "@switchboard/contracts";
import type { CallDetail, CallDirectory } from "@switchboard/contracts";
import { callListQuerySchema, getCall, listActiveCalls, listCallDirectory, listCalls, organizationTimeZone, parseId, parseInput } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import type { RecentFilter } from "../live-calls";

export const RECENT_PAGE_SIZE = 25;
const RECENT_PARAM_KEYS = ["direction", "result", "extension", "from", "to", "q", "page"] as const;
export type RecentParams = Partial<Record<(typeof RECENT_PARAM_KEYS)[number], string>>;

/** The recent-calls filters from the URL (unknown parameters and repeated values are ignored). */
export function readRecentParams(searchParams: Record<string, string | string[] | undefined>): RecentParams {
  const params: RecentParams = {};
  for (const key of RECENT_PARAM_KEYS) {
    const value = searchParams[key];
    if (typeof value === "string" && value.trim() !== "") params[key] = value.trim();
  }
  return params;
}

export interface CallBoardData {
  seq: number;
  serverTime: string;
  active: CallView[];
  recent: CallView[];
  recentTotal: number;
  page: number;
  /** Why the filters were refused (the recent list is then empty); null when they were fine. */
  recentError: string | null;
  /** How live ended calls are matched against the filters; null past the first page. */
  recentFilter: RecentFilter | null;
  directory: CallDirectory;
  /** The organization's time zone: the filters' calendar days are its days. */
  timeZone: string;
}

/** How the console matches live ended calls against the filters; days are the organization's. */
function clientFilter(params: RecentParams, directory: CallDirectory, timeZone: string): RecentFilter {
  const parsed = callListQuerySchema.safeParse({ from: params.from, to: params.to });
  const ext = params.extension ? directory.extensions.find((e) => e.number === params.extension || e.id === params.extension) : undefined;
  return {
    direction: params.direction,
    result: params.result,
    extensionId: ext?.id,
    from: parsed.success && parsed.data.from ? boundIn(parsed.data.from, "start", timeZone).toISOString() : undefined,
    to: parsed.success && parsed.data.to ? boundIn(parsed.data.to, "end", timeZone).toISOString() : undefined,
    q: params.q
  };
}

/** Live calls, one page of ended calls and the names of extensions and trunks, as of one seq. */
export async function loadCallBoard(viewer: Viewer, params: RecentParams): Promise<CallBoardData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const [active, directory] = await Promise.all([listActiveCalls(services, viewer), listCallDirectory(services, viewer)]);
    try {
      const query = parseInput(callListQuerySchema, { ...params, state: "ended", pageSize: RECENT_PAGE_SIZE });
      const recent = await listCalls(services, viewer, query);
      return { active, directory, recent, recentError: null };
    } catch (error) {
      const domain = asDomainError(error);
      if (domain?.code !== "bad_request") throw error;
      return { active, directory, recent: null, recentError: domain.message };
    }
  });
  const page = data.recent?.page ?? 1;
  const timeZone = await organizationTimeZone(services.db, viewer.orgId);
  return {
    seq,
    serverTime: new Date().toISOString(),
    active: data.active,
    recent: data.recent?.data ?? [],
    recentTotal: data.recent?.total ?? 0,
    page,
    recentError: data.recentError,
    recentFilter: page === 1 && !data.recentError ? clientFilter(params, data.directory, timeZone) : null,
    directory: data.directory,
    timeZone
  };
}

/** The extensions a call can be transferred to, for the call's own page. */
export async function loadTransferTargets(viewer: Viewer): Promise<CallDirectory["extensions"]> {
  return (await listCallDirectory(getRuntime().services, viewer)).extensions;
}

export async function loadCallDetail(viewer: Viewer, id: string): Promise<{ seq: number; detail: CallDetail }> {
  const { services } = getRuntime();
  const callId = parseId(id, "call");
  const { seq, data } = await readSnapshot(viewer.orgId, () => getCall(services, viewer, callId));
  return { seq, detail: data };
}
