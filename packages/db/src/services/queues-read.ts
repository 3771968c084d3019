import { z } from "zod";
import { RULES } from "@switchboard/auth";
import {
  startOfNextOrgDay,
  startOfOrgDay,
  type PauseReasonView,
  type QueueIntervalView,
  type QueueMemberView,
  type QueueView,
  type WallboardSnapshot
} from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { queueIncludes, memberIncludes, toPauseReasonView, toQueueCallerView, toQueueIntervalView, toQueueMemberView, toQueueView } from "../views/queue-view";
import { enforce, notFound } from "./errors";
import { organizationTimeZone } from "./organizations";
import type { ActingViewer } from "./viewer";

interface Deps {
  db: DbClient;
}

/** The organization's queues with their members and states, by name. */
export async function listQueues({ db }: Deps, viewer: ActingViewer): Promise<QueueView[]> {
  enforce(RULES.readQueues, viewer);
  const rows = await db.queue.findMany({ where: { organizationId: viewer.orgId }, include: queueIncludes, orderBy: { name: "asc" } });
  return rows.map(toQueueView);
}

export async function listPauseReasons({ db }: Deps, viewer: ActingViewer): Promise<PauseReasonView[]> {
  enforce(RULES.readQueues, viewer);
  const rows = await db.pauseReason.findMany({ where: { organizationId: viewer.orgId }, orderBy: { label: "asc" } });
  return rows.map(toPauseReasonView);
}

/**
 * What a wallboard shows, as of now: queues and members, who waits, and the organization day's
 * outcomes so far (per queue, and per 15 minutes). Read with the org's seq (readOrgSnapshot) so
 * the events after it apply exactly once.
 */
export async function readWallboard({ db }: Deps, viewer: ActingViewer, now: Date = new Date()): Promise<Omit<WallboardSnapshot, "seq">> {
  enforce(RULES.readQueues, viewer);
  const timeZone = await organizationTimeZone(db, viewer.orgId);
  const dayStart = startOfOrgDay(now, timeZone);
  const dayEnd = startOfNextOrgDay(now, timeZone);
  const org = { organizationId: viewer.orgId };
  const [queues, waiting, today, quarters, reasons] = await Promise.all([
    db.queue.findMany({ where: org, include: queueIncludes, orderBy: { name: "asc" } }),
    db.queueCaller.findMany({ where: { ...org, leftAt: null }, orderBy: [{ queueId: "asc" }, { position: "asc" }] }),
    db.queueInterval.findMany({ where: { ...org, kind: "day", startsAt: dayStart } }),
    db.queueInterval.findMany({ where: { ...org, kind: "quarter_hour", startsAt: { gte: dayStart, lt: dayEnd } }, orderBy: { startsAt: "asc" } }),
    db.pauseReason.findMany({ where: org, orderBy: { label: "asc" } })
  ]);
  return {
    dayStart: dayStart.toISOString(),
    dayEnd: dayEnd.toISOString(),
    timeZone,
    queues: queues.map(toQueueView),
    waiting: waiting.map(toQueueCallerView),
    today: today.map(toQueueIntervalView),
    quarters: quarters.map(toQueueIntervalView),
    pauseReasons: reasons.map(toPauseReasonView)
  };
}

export const queueIntervalQuerySchema = z.strictObject({
  kind: z.enum(["day", "quarter_hour"], { error: "kind must be day or quarter_hour" }).default("quarter_hour"),
  from: z.iso.datetime({ offset: true, error: "from must be an ISO 8601 date-time" }).optional(),
  to: z.iso.datetime({ offset: true, error: "to must be an ISO 8601 date-time" }).optional()
});
export type QueueIntervalQuery = z.output<typeof queueIntervalQuerySchema>;

const MAX_INTERVALS = 3000;

/** A queue's kept outcomes between `from` (default: the start of today) and `to` (default: now), oldest first. */
export async function listQueueIntervals({ db }: Deps, viewer: ActingViewer, queueId: string, q: QueueIntervalQuery): Promise<QueueIntervalView[]> {
  enforce(RULES.readQueues, viewer);
  const queue = await db.queue.findFirst({ where: { id: queueId, organizationId: viewer.orgId }, select: { id: true } });
  if (!queue) throw notFound("queue");
  const timeZone = await organizationTimeZone(db, viewer.orgId);
  const from = q.from ? new Date(q.from) : startOfOrgDay(new Date(), timeZone);
  const to = q.to ? new Date(q.to) : new Date();
  const rows = await db.queueInterval.findMany({
    where: { queueId, kind: q.kind, startsAt: { gte: from, lte: to } },
    orderBy: { startsAt: "asc" },
    take: MAX_INTERVALS
  });
  return rows.map(toQueueIntervalView);
}

/** The signed-in user's own queue memberships (through their extensions), for the console's state control. */
export async function listOwnMemberships({ db }: Deps, viewer: ActingViewer): Promise<(QueueMemberView & { queueName: string })[]> {
  enforce(RULES.readQueues, viewer);
  const rows = await db.queueMember.findMany({
    where: { organizationId: viewer.orgId, extension: { userId: viewer.id } },
    include: { ...memberIncludes, queue: { select: { name: true } } },
    orderBy: [{ queue: { name: "asc" } }]
  });
  return rows.map((row) => ({ ...toQueueMemberView(row), queueName: row.queue.name }));
}
