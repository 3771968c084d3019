import "server-only";
import { canReadActivity, readableFamilies } from "@switchboard/auth";
import {
  activityKindOf,
  activityQuerySchema,
  boundIn,
  eventTypesOf,
  type ActivityKind,
  type ActivityQuery,
  type DomainEvent,
  type Page,
  type TopicFamily
} from "@switchboard/contracts";
import { listActivity, listActivityActors, organizationTimeZone } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import type { ActivityFilter } from "../describe-activity";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export interface ActivityPageData {
  seq: number;
  page: Page<DomainEvent>;
  people: { id: string; name: string }[];
  query: ActivityQuery;
  queryError: string | null;
  /** How live events are matched against the filters (the days resolved in the organization's zone). */
  filter: ActivityFilter;
  timeZone: string;
  /** The same filters for the CSV export and the paging links. */
  filterQuery: string;
  /** What the page follows live: every family with entries of the filtered kinds the viewer may follow. */
  topics: TopicFamily[];
}

function activityTopics(viewer: Viewer, kind: ActivityKind | undefined): TopicFamily[] {
  return readableFamilies(viewer).filter((family) =>
    eventTypesOf(family).some((type) => {
      const of = activityKindOf(type);
      return of !== null && (kind === undefined || of === kind);
    })
  );
}

/** The activity log's page, as of one seq; null for anyone but admins. */
export async function loadActivityPage(viewer: Viewer, params: SearchParams): Promise<ActivityPageData | null> {
  if (!canReadActivity(viewer)) return null;
  const raw = { actor: first(params.actor), kind: first(params.kind), from: first(params.from), to: first(params.to), page: first(params.page) };
  const parsed = activityQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : activityQuerySchema.parse({});
  const { services, db } = getRuntime();
  const timeZone = await organizationTimeZone(db, viewer.orgId);
  const { seq, data } = await readSnapshot(viewer.orgId, async () => ({
    page: await listActivity(services, viewer, query),
    people: await listActivityActors(services, viewer)
  }));
  const filterQuery = new URLSearchParams(
    Object.entries({ actor: query.actor, kind: query.kind, from: query.from, to: query.to }).filter((e): e is [string, string] => Boolean(e[1]))
  ).toString();
  return {
    seq,
    ...data,
    query,
    queryError: parsed.success ? null : (parsed.error.issues[0]?.message ?? "invalid filters"),
    filter: {
      actor: query.actor,
      kind: query.kind,
      fromMs: query.from ? boundIn(query.from, "start", timeZone).getTime() : undefined,
      toMs: query.to ? boundIn(query.to, "end", timeZone).getTime() : undefined
    },
    timeZone,
    filterQuery,
    topics: activityTopics(viewer, query.kind)
  };
}
