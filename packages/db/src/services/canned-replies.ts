import { RULES } from "@switchboard/auth";
import type { CannedReplyCreateInput, CannedReplyUpdateInput, CannedReplyView } from "@switchboard/contracts";
import { Prisma, type CannedReply } from "../generated/prisma/client";
import type { ServiceDeps } from "./extensions";
import { enforce, notFound, translatePrismaError } from "./errors";
import { atVersion, nextVersion, writeAtVersion, type VersionedSubject } from "./versioned";
import type { ActingViewer } from "./viewer";

// Canned replies are settings read when a composer opens, so they carry no events; a stale save is
// still refused by version (who changed it is then unknown: "someone else").
const VERSIONED_CANNED_REPLY: VersionedSubject = { what: "canned reply", kind: "canned_reply", changeTypes: [] };
const UNIQUE = { name: ["name", "a canned reply with this name already exists"] } satisfies Record<string, [string, string]>;

/** A duplicate name is a conflict on the name field; a missed row stays as it is for writeAtVersion to explain. */
function refuseDuplicate(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") translatePrismaError(error, UNIQUE, "canned reply");
  throw error;
}

function toCannedReplyView(row: CannedReply): CannedReplyView {
  return { id: row.id, name: row.name, body: row.body, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

/** The organization's canned replies by name: staff insert them into replies and notes. */
export async function listCannedReplies({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer): Promise<CannedReplyView[]> {
  enforce(RULES.readCannedReplies, viewer);
  const rows = await db.cannedReply.findMany({ where: { organizationId: viewer.orgId }, orderBy: { name: "asc" } });
  return rows.map(toCannedReplyView);
}

export async function getCannedReply({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string): Promise<CannedReplyView> {
  enforce(RULES.readCannedReplies, viewer);
  const row = await db.cannedReply.findFirst({ where: { id, organizationId: viewer.orgId } });
  if (!row) throw notFound("canned reply");
  return toCannedReplyView(row);
}

export async function createCannedReply({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, input: CannedReplyCreateInput): Promise<CannedReplyView> {
  enforce(RULES.manageCannedReplies, viewer);
  const row = await db.cannedReply.create({ data: { organizationId: viewer.orgId, name: input.name, body: input.body } }).catch(refuseDuplicate);
  return toCannedReplyView(row);
}

async function currentOf({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string) {
  const row = await db.cannedReply.findFirst({ where: { id, organizationId: viewer.orgId }, select: { version: true, name: true } });
  return row ? { version: row.version, label: row.name } : null;
}

export async function updateCannedReply(
  deps: Pick<ServiceDeps, "db">,
  viewer: ActingViewer,
  id: string,
  { version, ...input }: CannedReplyUpdateInput
): Promise<CannedReplyView> {
  enforce(RULES.manageCannedReplies, viewer);
  const row = await writeAtVersion(
    deps.db,
    VERSIONED_CANNED_REPLY,
    { orgId: viewer.orgId, id, expected: version },
    () =>
      deps.db.cannedReply
        .update({ where: { id, organizationId: viewer.orgId, ...atVersion(version) }, data: { ...input, ...nextVersion } })
        .catch(refuseDuplicate),
    () => currentOf(deps, viewer, id)
  );
  return toCannedReplyView(row);
}

export async function deleteCannedReply(deps: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string, version?: number): Promise<{ id: string }> {
  enforce(RULES.manageCannedReplies, viewer);
  await writeAtVersion(
    deps.db,
    VERSIONED_CANNED_REPLY,
    { orgId: viewer.orgId, id, expected: version },
    () => deps.db.cannedReply.delete({ where: { id, organizationId: viewer.orgId, ...atVersion(version) } }),
    () => currentOf(deps, viewer, id)
  );
  return { id };
}
