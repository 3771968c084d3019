import { RULES } from "@switchboard/auth";
import { activityKindOf, boundIn, EVENT_TYPES, type ActivityQuery, type DomainEvent, type Page } from "@switchboard/contracts";
import type { Prisma } from "../generated/prisma/client";
import { toEnvelope } from "../outbox/outbox-envelope";
import { enforce } from "./errors";
import type { ServiceDeps } from "./extensions";
import { pageWindow } from "./list-query";
import { organizationTimeZone } from "./organizations";
import type { ActingViewer } from "./viewer";

/** Event types that are someone's action, by activity kind. */
const typesOf = (kind?: ActivityQuery["kind"]) => EVENT_TYPES.filter((type) => (kind ? activityKindOf(type) === kind : activityKindOf(type) !== null));

/**
 * The activity log: who did what in the organization, newest first — the committed events that
 * have an actor (sign-ins, changes to people, offices, extensions, trunks and the PBX integration,
 * call control, ticket work), kept as long as the activity retention says. Calendar days in the
 * filters are the organization's. Admins only.
 */
export async function listActivity({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, q: ActivityQuery): Promise<Page<DomainEvent>> {
  enforce(RULES.readActivity, viewer);
  const timeZone = await organizationTimeZone(db, viewer.orgId);
  const from = q.from ? boundIn(q.from, "start", timeZone) : undefined;
  const to = q.to ? boundIn(q.to, "end", timeZone) : undefined;
  const where: Prisma.OutboxEventWhereInput = {
    organizationId: viewer.orgId,
    actorId: q.actor ?? { not: null },
    type: { in: typesOf(q.kind) },
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {})
  };
  const [rows, total] = await Promise.all([
    db.outboxEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { seq: "desc" }], ...pageWindow(q) }),
    db.outboxEvent.count({ where })
  ]);
  return { data: rows.map(toEnvelope), page: q.page, pageSize: q.pageSize, total };
}

/** The people who appear in the organization's activity, for the log's "Person" filter. */
export async function listActivityActors({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer): Promise<{ id: string; name: string }[]> {
  enforce(RULES.readActivity, viewer);
  return db.user.findMany({ where: { organizationId: viewer.orgId, status: { not: "invited" } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
