import type { ExtensionView } from "@switchboard/contracts";
import type { Extension, User } from "../generated/prisma/client";

export type ExtensionWithUser = Extension & { user?: Pick<User, "name"> | null };

/** The one mapping from an extension row to what staff may see (pages, REST, events). */
export function toExtensionView(row: ExtensionWithUser): ExtensionView {
  return {
    id: row.id,
    number: row.number,
    displayName: row.displayName,
    userId: row.userId,
    userName: row.user?.name ?? null,
    sipUsername: row.sipUsername,
    sipSecretHint: row.sipSecretHint,
    transport: row.transport,
    codecs: row.codecs,
    voicemailEnabled: row.voicemailEnabled,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString()
  };
}
