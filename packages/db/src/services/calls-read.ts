import { z } from "zod";
import { RULES } from "@switchboard/auth";
import { boundIn, type CallDetail, type CallDirectory, type CallView, type Page } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Prisma } from "../generated/prisma/client";
import { toCallTimelineEntry, toCallView } from "../views/call-view";
import { badRequest, enforce, notFound } from "./errors";
import type { CallListQuery } from "./calls-read-query";
import { pageWindow } from "./list-query";
import { organizationTimeZone } from "./organizations";
import type { ActingViewer } from "./viewer";

export { callListQuerySchema, type CallListQuery } from "./calls-read-query";

export interface CallReadDeps {
  db: DbClient;
}

/** Live calls shown at once; an organization with more has bigger problems than a long table. */
const ACTIVE_CALL_LIMIT = 500;

/** Calls not ended yet, oldest first (the longest-waiting caller on top). */
export async function listActiveCalls({ db }: CallReadDeps, viewer: ActingViewer): Promise<CallView[]> {
  enforce(RULES.readCalls, viewer);
  const rows = await db.call.findMany({
    where: { organizationId: viewer.orgId, state: { not: "ended" } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: ACTIVE_CALL_LIMIT
  });
  return rows.map(toCallView);
}

async function resolveExtension(db: DbClient, orgId: string, value: string): Promise<string> {
  const byId = z.uuid().safeParse(value).success;
  const row = await db.extension.findFirst({ where: { organizationId: orgId, ...(byId ? { id: value } : { number: value }) }, select: { id: true } });
  if (!row) throw badRequest(`invalid input — extension: no extension ${value} in your organization`, { extension: "no such extension in your organization" });
  return row.id;
}

/** Calls matching the filters, newest first, paged. */
export async function listCalls({ db }: CallReadDeps, viewer: ActingViewer, q: CallListQuery): Promise<Page<CallView>> {
  enforce(RULES.readCalls, viewer);
  const extensionId = q.extension ? await resolveExtension(db, viewer.orgId, q.extension) : undefined;
  // Calendar days are the organization's: "calls of the 5th" in Berlin start at 23:00 UTC on the 4th.
  const timeZone = q.from || q.to ? await organizationTimeZone(db, viewer.orgId) : "UTC";
  const from = q.from ? boundIn(q.from, "start", timeZone) : undefined;
  const to = q.to ? boundIn(q.to, "end", timeZone) : undefined;
  const where: Prisma.CallWhereInput = {
    organizationId: viewer.orgId,
    ...(q.state === "live" ? { state: { not: "ended" } } : q.state === "ended" ? { state: "ended" } : {}),
    ...(q.direction ? { direction: q.direction } : {}),
    ...(q.result ? { result: q.result } : {}),
    ...(extensionId ? { extensionIds: { has: extensionId } } : {}),
    ...(from || to ? { startedAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
    ...(q.q
      ? {
          OR: [
            { fromNumber: { contains: q.q } },
            { toNumber: { contains: q.q } },
            { fromName: { contains: q.q, mode: "insensitive" } },
            { toName: { contains: q.q, mode: "insensitive" } }
          ]
        }
      : {})
  };
  const [rows, total] = await Promise.all([
    db.call.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], ...pageWindow(q) }),
    db.call.count({ where })
  ]);
  return { data: rows.map(toCallView), page: q.page, pageSize: q.pageSize, total };
}

/** One call with its whole timeline and the extensions and trunk it names. Another org's call is not found. */
export async function getCall({ db }: CallReadDeps, viewer: ActingViewer, id: string): Promise<CallDetail> {
  enforce(RULES.readCalls, viewer);
  const row = await db.call.findFirst({
    where: { id, organizationId: viewer.orgId },
    include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] }, trunk: { select: { id: true, name: true } } }
  });
  if (!row) throw notFound("call");
  const extensions = row.extensionIds.length
    ? await db.extension.findMany({
        where: { organizationId: viewer.orgId, id: { in: row.extensionIds } },
        select: { id: true, number: true, displayName: true, enabled: true }
      })
    : [];
  const order = new Map(row.extensionIds.map((extId, i) => [extId, i]));
  extensions.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { call: toCallView(row), timeline: row.events.map(toCallTimelineEntry), extensions, trunk: row.trunk };
}

/** Extension numbers/names and trunk names for showing calls. */
export async function listCallDirectory({ db }: CallReadDeps, viewer: ActingViewer): Promise<CallDirectory> {
  enforce(RULES.readCalls, viewer);
  const org = { organizationId: viewer.orgId };
  const [extensions, trunks] = await Promise.all([
    db.extension.findMany({ where: org, select: { id: true, number: true, displayName: true, enabled: true }, orderBy: { number: "asc" } }),
    db.trunk.findMany({ where: org, select: { id: true, name: true, maxChannels: true }, orderBy: { name: "asc" } })
  ]);
  return { extensions, trunks };
}
