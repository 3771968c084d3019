import type { TrunkView } from "@switchboard/contracts";
import type { Trunk } from "../generated/prisma/client";

/** The one mapping from a trunk row to what staff may see (pages, REST, events). */
export function toTrunkView(row: Trunk): TrunkView {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    transport: row.transport,
    username: row.username,
    secretHint: row.secretHint,
    registrationRequired: row.registrationRequired,
    codecs: row.codecs,
    maxChannels: row.maxChannels,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString()
  };
}
