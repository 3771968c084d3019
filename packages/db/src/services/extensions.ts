import type { z } from "zod";
import { RULES, secretHint, type SecretBox } from "@switchboard/auth";
import type { ExtensionCreateInput, ExtensionUpdateInput, ExtensionView, Page } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Prisma } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { toExtensionView } from "../views/extension-view";
import { badRequest, enforce, notFound, translatePrismaError } from "./errors";
import { pageWindow, sipEndpointListQuerySchema, sipEndpointWhere } from "./list-query";
import { atVersion, nextVersion, writeAtVersion, type VersionedSubject } from "./versioned";
import { actorOf, type ActingViewer } from "./viewer";

export interface ServiceDeps {
  db: DbClient;
  box: SecretBox;
}

export const extensionListQuerySchema = sipEndpointListQuerySchema(
  ["number", "displayName", "transport", "enabled", "updatedAt"],
  "number",
  "number, display name, SIP username and the assigned user's name"
);
export type ExtensionListQuery = z.output<typeof extensionListQuerySchema>;

const UNIQUE = {
  number: ["number", "an extension with this number already exists"],
  sip_username: ["sipUsername", "an extension with this SIP username already exists"]
} satisfies Record<string, [string, string]>;

const withUser = { user: { select: { name: true } } } as const;

const VERSIONED_EXTENSION: VersionedSubject = { what: "extension", kind: "extension", changeTypes: ["extension.updated", "extension.deleted"] };

async function currentExtension(db: DbClient, viewer: ActingViewer, id: string) {
  const row = await db.extension.findFirst({ where: { id, organizationId: viewer.orgId }, select: { version: true, number: true } });
  return row ? { version: row.version, label: row.number } : null;
}

export async function listExtensions({ db }: ServiceDeps, viewer: ActingViewer, q: ExtensionListQuery): Promise<Page<ExtensionView>> {
  enforce(RULES.readExtensions, viewer);
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

/** The extension by id (a uuid, see parseId), in the viewer's organization. */
async function findExtension(db: DbClient, viewer: ActingViewer, id: string) {
  const row = await db.extension.findFirst({ where: { id, organizationId: viewer.orgId }, include: withUser });
  if (!row) throw notFound("extension");
  return row;
}

export async function getExtension({ db }: ServiceDeps, viewer: ActingViewer, id: string): Promise<ExtensionView> {
  enforce(RULES.readExtensions, viewer);
  return toExtensionView(await findExtension(db, viewer, id));
}

/** A new owner must be a person of the organization who is not deactivated; keeping the current owner is always allowed. */
async function assertAssignableUser(db: DbClient, viewer: ActingViewer, userId: string | null | undefined, current: string | null = null): Promise<void> {
  if (!userId || userId === current) return;
  const user = await db.user.findFirst({ where: { id: userId, organizationId: viewer.orgId }, select: { name: true, status: true } });
  if (!user) throw badRequest("assigned user does not exist in your organization", { userId: "no such user in your organization" });
  if (user.status === "deactivated")
    throw badRequest(`${user.name} is deactivated and cannot be given an extension`, { userId: `${user.name} is deactivated` });
}

export async function createExtension(deps: ServiceDeps, viewer: ActingViewer, input: ExtensionCreateInput): Promise<ExtensionView> {
  enforce(RULES.manageExtensions, viewer);
  const { sipSecret, userId, ...rest } = input;
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

export async function updateExtension(deps: ServiceDeps, viewer: ActingViewer, id: string, input: ExtensionUpdateInput): Promise<ExtensionView> {
  enforce(RULES.manageExtensions, viewer);
  const existing = await findExtension(deps.db, viewer, id);
  const { sipSecret, version, ...rest } = input;
  return withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const db = tx as unknown as DbClient;
      await assertAssignableUser(db, viewer, rest.userId, existing.userId);
      const row = await writeAtVersion(
        db,
        VERSIONED_EXTENSION,
        { orgId: viewer.orgId, id, expected: version },
        () =>
          tx.extension.update({
            where: { id, organizationId: viewer.orgId, ...atVersion(version) },
            data: { ...rest, ...nextVersion, ...(sipSecret ? { sipSecretEnc: deps.box.seal(sipSecret), sipSecretHint: secretHint(sipSecret) } : {}) },
            include: withUser
          }),
        () => currentExtension(db, viewer, id)
      ).catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"));
      return toExtensionView(row);
    })
  );
}

/** Deletes an extension; with `version`, only if nobody changed it since that version. */
export async function deleteExtension({ db }: ServiceDeps, viewer: ActingViewer, id: string, version?: number): Promise<{ id: string }> {
  enforce(RULES.manageExtensions, viewer);
  await withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const txDb = tx as unknown as DbClient;
      await writeAtVersion(
        txDb,
        VERSIONED_EXTENSION,
        { orgId: viewer.orgId, id, expected: version },
        () => tx.extension.delete({ where: { id, organizationId: viewer.orgId, ...atVersion(version) } }),
        () => currentExtension(txDb, viewer, id)
      ).catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"));
    })
  );
  return { id };
}
