import { RULES } from "@switchboard/auth";
import type { PauseReasonCreateInput, PauseReasonView, QueueCreateInput, QueueMemberInput, QueueUpdateInput, QueueView } from "@switchboard/contracts";
import type { DbClient, DbTransaction } from "../client/create-client";
import { withActor } from "../outbox/context";
import { queueIncludes, toPauseReasonView, toQueueView } from "../views/queue-view";
import { badRequest, conflict, enforce, notFound, translatePrismaError } from "./errors";
import { assertVersion, type VersionedSubject } from "./versioned";
import { actorOf, type ActingViewer } from "./viewer";

interface Deps {
  db: DbClient;
}

const VERSIONED_QUEUE: VersionedSubject = { what: "queue", kind: "queue", changeTypes: ["queue.changed", "queue.deleted"] };

/** A member signed in to the PBX's queue, as a QueueRemove names them. */
export interface PbxQueueMember {
  queue: string;
  interface: string;
  agentName: string;
}

/** Members an admin took out of a queue (or deleted with it) while they were signed in: the PBX must sign them out too. */
export interface QueueMembersRemoved {
  signedInRemoved: PbxQueueMember[];
}

const withMemberNames = { members: { include: { extension: { select: { displayName: true } } } } } as const;

function signedIn(queueName: string, members: readonly { loggedIn: boolean; interface: string; extension: { displayName: string } }[]): PbxQueueMember[] {
  return members.filter((m) => m.loggedIn).map((m) => ({ queue: queueName, interface: m.interface, agentName: m.extension.displayName }));
}

const UNIQUE_NAME = { name: ["name", "a queue with this name already exists"] } satisfies Record<string, [string, string]>;

/** How the PBX names an extension as a queue member (Asterisk PJSIP endpoints are named by SIP username). */
function memberInterfaceOf(ext: { sipUsername: string }): string {
  return `PJSIP/${ext.sipUsername}`;
}

/** The members' extensions, all of the viewer's organization; anything else is refused naming the field. */
async function memberExtensions(tx: DbTransaction, viewer: ActingViewer, members: readonly QueueMemberInput[]) {
  const ids = members.map((m) => m.extensionId);
  const rows = await tx.extension.findMany({ where: { id: { in: ids }, organizationId: viewer.orgId }, select: { id: true, sipUsername: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  members.forEach((m, i) => {
    if (!byId.has(m.extensionId))
      throw badRequest("queue members must be extensions of your organization", { [`members.${i}.extensionId`]: "no such extension in your organization" });
  });
  return byId;
}

export async function createQueue({ db }: Deps, viewer: ActingViewer, input: QueueCreateInput): Promise<QueueView> {
  enforce(RULES.manageQueues, viewer);
  const { members, ...fields } = input;
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const exts = await memberExtensions(tx, viewer, members);
      const row = await tx.queue
        .create({
          data: {
            ...fields,
            number: fields.number ?? null,
            organizationId: viewer.orgId,
            members: {
              create: members.map((m) => ({
                organizationId: viewer.orgId,
                extensionId: m.extensionId,
                penalty: m.penalty,
                interface: memberInterfaceOf(exts.get(m.extensionId) ?? { sipUsername: "" })
              }))
            }
          },
          include: queueIncludes
        })
        .catch((e: unknown) => translatePrismaError(e, UNIQUE_NAME, "queue"));
      return toQueueView(row);
    })
  );
}

/**
 * Changes a queue's settings and, when `members` is given, its members: new ones join (signed out
 * until they sign in), penalties change, the ones left out are removed. One write of the queue
 * (its version moves by one); a save based on an older version is refused. Members removed while
 * signed in are returned: Switchboard no longer lists them, the PBX still rings them until told.
 */
export async function updateQueue(
  { db }: Deps,
  viewer: ActingViewer,
  id: string,
  input: QueueUpdateInput
): Promise<{ queue: QueueView } & QueueMembersRemoved> {
  enforce(RULES.manageQueues, viewer);
  const { members, version, ...fields } = input;
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM queues WHERE id = ${id}::uuid AND organization_id = ${viewer.orgId}::uuid FOR UPDATE`;
      const current = await tx.queue.findFirst({ where: { id, organizationId: viewer.orgId }, include: withMemberNames });
      if (!current) throw notFound("queue");
      await assertVersion(tx as unknown as DbClient, VERSIONED_QUEUE, current, current.name, version);
      let membersWrite = {};
      let removed: typeof current.members = [];
      if (members) {
        const exts = await memberExtensions(tx, viewer, members);
        const wanted = new Map(members.map((m) => [m.extensionId, m.penalty]));
        const kept = current.members.filter((m) => wanted.has(m.extensionId));
        removed = current.members.filter((m) => !wanted.has(m.extensionId));
        membersWrite = {
          members: {
            deleteMany: { id: { in: removed.map((m) => m.id) } },
            update: kept
              .filter((m) => wanted.get(m.extensionId) !== m.penalty)
              .map((m) => ({ where: { id: m.id }, data: { penalty: wanted.get(m.extensionId) ?? m.penalty } })),
            create: members
              .filter((m) => !current.members.some((c) => c.extensionId === m.extensionId))
              .map((m) => ({
                organizationId: viewer.orgId,
                extensionId: m.extensionId,
                penalty: m.penalty,
                interface: memberInterfaceOf(exts.get(m.extensionId) ?? { sipUsername: "" })
              }))
          }
        };
      }
      const row = await tx.queue
        .update({ where: { id }, data: { ...fields, ...membersWrite, version: { increment: 1 } }, include: queueIncludes })
        .catch((e: unknown) => translatePrismaError(e, UNIQUE_NAME, "queue"));
      return { queue: toQueueView(row), signedInRemoved: signedIn(current.name, removed) };
    })
  );
}

/** Deletes a queue with its members and history (its outcomes are gone with it); returns who was signed in to it. */
export async function deleteQueue({ db }: Deps, viewer: ActingViewer, id: string): Promise<{ id: string } & QueueMembersRemoved> {
  enforce(RULES.manageQueues, viewer);
  const found = await db.queue.findFirst({ where: { id, organizationId: viewer.orgId }, include: withMemberNames });
  if (!found) throw notFound("queue");
  await withActor(actorOf(viewer), () => db.queue.delete({ where: { id } })).catch((e: unknown) => translatePrismaError(e, {}, "queue"));
  return { id, signedInRemoved: signedIn(found.name, found.members) };
}

/** Adds a pause reason; the same words in another case count as the same reason. */
export async function createPauseReason({ db }: Deps, viewer: ActingViewer, { label }: PauseReasonCreateInput): Promise<PauseReasonView> {
  enforce(RULES.manageQueues, viewer);
  const existing = await db.pauseReason.findFirst({
    where: { organizationId: viewer.orgId, label: { equals: label, mode: "insensitive" } },
    select: { id: true }
  });
  if (existing) throw conflict("label", `the pause reason "${label}" already exists`);
  const row = await withActor(actorOf(viewer), () => db.pauseReason.create({ data: { organizationId: viewer.orgId, label } })).catch((e: unknown) =>
    translatePrismaError(e, { label: ["label", `the pause reason "${label}" already exists`] }, "pause reason")
  );
  return toPauseReasonView(row);
}

/** Removes a pause reason; agents paused with it stay paused with it until they resume. */
export async function deletePauseReason({ db }: Deps, viewer: ActingViewer, id: string): Promise<{ id: string }> {
  enforce(RULES.manageQueues, viewer);
  const { count } = await withActor(actorOf(viewer), () => db.pauseReason.deleteMany({ where: { id, organizationId: viewer.orgId } }));
  if (count === 0) throw notFound("pause reason");
  return { id };
}
