import type { z } from "zod";
import { RULES, secretHint } from "@switchboard/auth";
import type { Page, TrunkCreateInput, TrunkUpdateInput, TrunkView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Prisma } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { toTrunkView } from "../views/trunk-view";
import type { ServiceDeps } from "./extensions";
import { enforce, notFound, translatePrismaError } from "./errors";
import { pageWindow, sipEndpointListQuerySchema, sipEndpointWhere } from "./list-query";
import { atVersion, nextVersion, writeAtVersion, type VersionedSubject } from "./versioned";
import { actorOf, type ActingViewer } from "./viewer";

export const trunkListQuerySchema = sipEndpointListQuerySchema(
  ["name", "host", "transport", "maxChannels", "enabled", "updatedAt"],
  "name",
  "name, host and username"
);
export type TrunkListQuery = z.output<typeof trunkListQuerySchema>;

const UNIQUE = { name: ["name", "a trunk with this name already exists"] } satisfies Record<string, [string, string]>;

const VERSIONED_TRUNK: VersionedSubject = { what: "trunk", kind: "trunk", changeTypes: ["trunk.updated", "trunk.deleted"] };

async function currentTrunk(db: DbClient, viewer: ActingViewer, id: string) {
  const row = await db.trunk.findFirst({ where: { id, organizationId: viewer.orgId }, select: { version: true, name: true } });
  return row ? { version: row.version, label: row.name } : null;
}

export async function listTrunks({ db }: ServiceDeps, viewer: ActingViewer, q: TrunkListQuery): Promise<Page<TrunkView>> {
  enforce(RULES.readTrunks, viewer);
  const where: Prisma.TrunkWhereInput = {
    ...sipEndpointWhere(viewer.orgId, q),
    ...(q.q
      ? {
          OR: [
            { name: { contains: q.q, mode: "insensitive" } },
            { host: { contains: q.q, mode: "insensitive" } },
            { username: { contains: q.q, mode: "insensitive" } }
          ]
        }
      : {})
  };
  const [rows, total] = await Promise.all([
    db.trunk.findMany({ where, orderBy: [{ [q.sort]: q.dir }, { name: "asc" }], ...pageWindow(q) }),
    db.trunk.count({ where })
  ]);
  return { data: rows.map(toTrunkView), page: q.page, pageSize: q.pageSize, total };
}

/** The trunk by id (a uuid, see parseId), in the viewer's organization. */
async function findTrunk(db: DbClient, viewer: ActingViewer, id: string) {
  const row = await db.trunk.findFirst({ where: { id, organizationId: viewer.orgId } });
  if (!row) throw notFound("trunk");
  return row;
}

export async function getTrunk({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<TrunkView> {
  enforce(RULES.readTrunks, viewer);
  return toTrunkView(await findTrunk(db, viewer, id));
}

function sealSecret(deps: ServiceDeps, secret: string | null | undefined) {
  if (secret === undefined) return {};
  if (secret === null) return { secretEnc: null, secretHint: null };
  return { secretEnc: deps.box.seal(secret), secretHint: secretHint(secret) };
}

export async function createTrunk(deps: ServiceDeps, viewer: ActingViewer, input: TrunkCreateInput): Promise<TrunkView> {
  enforce(RULES.manageTrunks, viewer);
  const { secret, ...rest } = input;
  const row = await withActor(actorOf(viewer), () =>
    deps.db.trunk
      .create({ data: { ...rest, organizationId: viewer.orgId, ...sealSecret(deps, secret ?? null) } })
      .catch((e: unknown) => translatePrismaError(e, UNIQUE, "trunk"))
  );
  return toTrunkView(row);
}

export async function updateTrunk(deps: ServiceDeps, viewer: ActingViewer, id: string, input: TrunkUpdateInput): Promise<TrunkView> {
  enforce(RULES.manageTrunks, viewer);
  const { secret, version, ...rest } = input;
  await findTrunk(deps.db, viewer, id);
  const row = await withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const db = tx as unknown as DbClient;
      return writeAtVersion(
        db,
        VERSIONED_TRUNK,
        { orgId: viewer.orgId, id, expected: version },
        () =>
          tx.trunk.update({
            where: { id, organizationId: viewer.orgId, ...atVersion(version) },
            data: { ...rest, ...nextVersion, ...sealSecret(deps, secret) }
          }),
        () => currentTrunk(db, viewer, id)
      ).catch((e: unknown) => translatePrismaError(e, UNIQUE, "trunk"));
    })
  );
  return toTrunkView(row);
}

/** Deletes a trunk; with `version`, only if nobody changed it since that version. */
export async function deleteTrunk({ db }: ServiceDeps, viewer: ActingViewer, id: string, version?: number): Promise<{ id: string }> {
  enforce(RULES.manageTrunks, viewer);
  await withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const txDb = tx as unknown as DbClient;
      await writeAtVersion(
        txDb,
        VERSIONED_TRUNK,
        { orgId: viewer.orgId, id, expected: version },
        () => tx.trunk.delete({ where: { id, organizationId: viewer.orgId, ...atVersion(version) } }),
        () => currentTrunk(txDb, viewer, id)
      ).catch((e: unknown) => translatePrismaError(e, UNIQUE, "trunk"));
    })
  );
  return { id };
}
