import { z } from "zod";
import { canManageTrunks, canReadTrunks, secretHint } from "@switchboard/auth";
import { trunkCreateSchema, trunkUpdateSchema, type Page, type TrunkView } from "@switchboard/contracts";
import type { Prisma } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { toTrunkView } from "../views/trunk-view";
import type { ServiceDeps } from "./extensions";
import { forbidden, notFound, translatePrismaError } from "./errors";
import { pageWindow, sipEndpointListQuerySchema, sipEndpointWhere } from "./list-query";
import { parseInput } from "./parse-input";
import { actorOf, type ActingViewer } from "./viewer";

export const trunkListQuerySchema = sipEndpointListQuerySchema(["name", "host", "transport", "maxChannels", "enabled", "updatedAt"], "name");
export type TrunkListQuery = z.input<typeof trunkListQuerySchema>;

const UNIQUE = { name: ["name", "a trunk with this name already exists"] } satisfies Record<string, [string, string]>;
const MANAGE_DENIED = "only admins may change trunks";

export async function listTrunks({ db }: ServiceDeps, viewer: ActingViewer, query: TrunkListQuery): Promise<Page<TrunkView>> {
  if (!canReadTrunks(viewer)) throw forbidden("your role cannot see trunks");
  const q = parseInput(trunkListQuerySchema, query);
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

export async function getTrunk({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<TrunkView> {
  if (!canReadTrunks(viewer)) throw forbidden("your role cannot see trunks");
  const row = z.uuid().safeParse(id).success ? await db.trunk.findFirst({ where: { id, organizationId: viewer.orgId } }) : null;
  if (!row) throw notFound("trunk");
  return toTrunkView(row);
}

function sealSecret(deps: ServiceDeps, secret: string | null | undefined) {
  if (secret === undefined) return {};
  if (secret === null) return { secretEnc: null, secretHint: null };
  return { secretEnc: deps.box.seal(secret), secretHint: secretHint(secret) };
}

export async function createTrunk(deps: ServiceDeps, viewer: ActingViewer, input: unknown): Promise<TrunkView> {
  if (!canManageTrunks(viewer)) throw forbidden(MANAGE_DENIED);
  const { secret, ...rest } = parseInput(trunkCreateSchema, input);
  const row = await withActor(actorOf(viewer), () =>
    deps.db.trunk
      .create({ data: { ...rest, organizationId: viewer.orgId, ...sealSecret(deps, secret ?? null) } })
      .catch((e: unknown) => translatePrismaError(e, UNIQUE, "trunk"))
  );
  return toTrunkView(row);
}

export async function updateTrunk(deps: ServiceDeps, viewer: ActingViewer, id: string, input: unknown): Promise<TrunkView> {
  if (!canManageTrunks(viewer)) throw forbidden(MANAGE_DENIED);
  const { secret, ...rest } = parseInput(trunkUpdateSchema, input);
  await getTrunk(deps, viewer, id);
  const row = await withActor(actorOf(viewer), () =>
    deps.db.trunk
      .update({ where: { id, organizationId: viewer.orgId }, data: { ...rest, ...sealSecret(deps, secret) } })
      .catch((e: unknown) => translatePrismaError(e, UNIQUE, "trunk"))
  );
  return toTrunkView(row);
}

export async function deleteTrunk({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<{ id: string }> {
  if (!canManageTrunks(viewer)) throw forbidden(MANAGE_DENIED);
  if (!z.uuid().safeParse(id).success) throw notFound("trunk");
  await withActor(actorOf(viewer), () =>
    db.trunk.delete({ where: { id, organizationId: viewer.orgId } }).catch((e: unknown) => translatePrismaError(e, UNIQUE, "trunk"))
  );
  return { id };
}
