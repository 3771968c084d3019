import { extensionCreateSchema, trunkCreateSchema } from "@switchboard/contracts";
import type { ActingViewer, DbClient, ServiceDeps } from "@switchboard/db";
import { createExtension, createTrunk, deleteExtension, updateExtension } from "@switchboard/db";

let counter = 0;

/** A unique extension number (2–8 digits) per call within a test process. */
export function nextNumber(): string {
  counter += 1;
  return String(10_000 + counter);
}

/** One committed change through the data layer (the same services pages and REST use). */
export async function addExtension(deps: ServiceDeps, viewer: ActingViewer, number = nextNumber()) {
  return createExtension(
    deps,
    viewer,
    extensionCreateSchema.parse({ number, displayName: `Desk ${number}`, sipUsername: `ext${number}`, sipSecret: `secret-${number}-long` })
  );
}

export async function renameExtension(deps: ServiceDeps, viewer: ActingViewer, id: string, displayName: string) {
  return updateExtension(deps, viewer, id, { displayName });
}

export async function removeExtension(deps: ServiceDeps, viewer: ActingViewer, id: string) {
  return deleteExtension(deps, viewer, id);
}

export async function addTrunk(deps: ServiceDeps, viewer: ActingViewer) {
  const n = nextNumber();
  return createTrunk(deps, viewer, trunkCreateSchema.parse({ name: `Carrier ${n}`, host: `sip${n}.example.net` }));
}

/** `count` updates of one extension: cheap, ordered changes for volume tests. */
export async function renameRepeatedly(deps: ServiceDeps, viewer: ActingViewer, id: string, count: number, label = "r") {
  for (let i = 0; i < count; i++) await renameExtension(deps, viewer, id, `${label}-${i}`);
}

/**
 * `count` changes straight through the hooked Prisma client (the CRUD hooks write the events), from
 * a few concurrent writers like a busy web app; commit order decides their seq either way.
 */
export async function touchRepeatedly(db: DbClient, id: string, count: number, label = "t", writers = 4) {
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < count; i = next++) await db.extension.update({ where: { id }, data: { displayName: `${label}-${i}` } });
  };
  await Promise.all(Array.from({ length: Math.min(writers, count) }, writer));
}
