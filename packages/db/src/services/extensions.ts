import { z } from "zod";
import { canManageExtensions, canReadExtensions, secretHint, type SecretBox } from "@switchboard/auth";
import { extensionCreateSchema, extensionUpdateSchema, type ExtensionView, type Page } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Prisma } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { toExtensionView } from "../views/extension-view";
import { badRequest, forbidden, notFound, translatePrismaError } from "./errors";
import { pageWindow, sipEndpointListQuerySchema, sipEndpointWhere } from "./list-query";
import { parseInput } from "./parse-input";
import { actorOf, type ActingViewer } from "./viewer";

export interface ServiceDeps {
  db: DbClient;
  box: SecretBox;
}

export const extensionListQuerySchema = sipEndpointListQuerySchema(["number", "displayName", "transport", "enabled", "updatedAt"], "number");
export type ExtensionListQuery = z.input<typeof extensionListQuerySchema>;

const UNIQUE = {
  number: ["number", "an extension with this number already exists"],
  sip_username: ["sipUsername", "an extension with this SIP username already exists"]
} satisfies Record<string, [string, string]>;

const withUser = { user: { select: { name: true } } } as const;

export async function listExtensions({ db }: ServiceDeps, viewer: ActingViewer, query: ExtensionListQuery): Promise<Page<ExtensionView>> {
  if (!canReadExtensions(viewer)) throw forbidden("your role cannot see extensions");
  const q = parseInput(extensionListQuerySchema, query);
  const where: Prisma.ExtensionWhereInput = {
    ...sipEndpointWhere(viewer.orgId, q),
    ...(q.q
      ? {
          OR: [
            { number: { contains: q.q } },
            { displayName: { contains: q.q, mode: "insensitive" } },
            { sipUsername: { contains: q.q, mode: "insensitive" } },
            { user: { name: { contains: q.q, mode: "insensitive" } } }
          ]
        }
      : {})
  };
  const [rows, total] = await Promise.all([
    db.extension.findMany({
      where,
      include: withUser,
      orderBy: [{ [q.sort]: q.dir }, { number: "asc" }],
      ...pageWindow(q)
    }),
    db.extension.count({ where })
  ]);
  return { data: rows.map(toExtensionView), page: q.page, pageSize: q.pageSize, total };
}

export async function getExtension({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<ExtensionView> {
  if (!canReadExtensions(viewer)) throw forbidden("your role cannot see extensions");
  const row = z.uuid().safeParse(id).success ? await db.extension.findFirst({ where: { id, organizationId: viewer.orgId }, include: withUser }) : null;
  if (!row) throw notFound("extension");
  return toExtensionView(row);
}

async function assertAssignableUser(db: DbClient, viewer: ActingViewer, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await db.user.findFirst({ where: { id: userId, organizationId: viewer.orgId }, select: { id: true } });
  if (!user) throw badRequest("assigned user does not exist in your organization", { userId: "no such user in your organization" });
}

export async function createExtension(deps: ServiceDeps, viewer: ActingViewer, input: unknown): Promise<ExtensionView> {
  if (!canManageExtensions(viewer)) throw forbidden("only admins and supervisors may change extensions");
  const data = parseInput(extensionCreateSchema, input);
  const { sipSecret, userId, ...rest } = data;
  return withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      await assertAssignableUser(tx as unknown as DbClient, viewer, userId);
      const row = await tx.extension
        .create({
          data: {
            ...rest,
            organizationId: viewer.orgId,
            userId: userId ?? null,
            sipSecretEnc: deps.box.seal(sipSecret),
            sipSecretHint: secretHint(sipSecret)
          },
          include: withUser
        })
        .catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"));
      return toExtensionView(row);
    })
  );
}

export async function updateExtension(deps: ServiceDeps, viewer: ActingViewer, id: string, input: unknown): Promise<ExtensionView> {
  if (!canManageExtensions(viewer)) throw forbidden("only admins and supervisors may change extensions");
  const data = parseInput(extensionUpdateSchema, input);
  await getExtension(deps, viewer, id);
  const { sipSecret, ...rest } = data;
  return withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      await assertAssignableUser(tx as unknown as DbClient, viewer, rest.userId);
      const row = await tx.extension
        .update({
          where: { id, organizationId: viewer.orgId },
          data: { ...rest, ...(sipSecret ? { sipSecretEnc: deps.box.seal(sipSecret), sipSecretHint: secretHint(sipSecret) } : {}) },
          include: withUser
        })
        .catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"));
      return toExtensionView(row);
    })
  );
}

export async function deleteExtension({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<{ id: string }> {
  if (!canManageExtensions(viewer)) throw forbidden("only admins and supervisors may change extensions");
  if (!z.uuid().safeParse(id).success) throw notFound("extension");
  await withActor(actorOf(viewer), () =>
    db.extension.delete({ where: { id, organizationId: viewer.orgId } }).catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"))
  );
  return { id };
}
