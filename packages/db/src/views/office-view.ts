import type { OfficeRecord } from "@switchboard/contracts";
import type { Office } from "../generated/prisma/client";

export type OfficeRow = Office & { members?: { userId: string }[] };

export const officeIncludes = { members: { select: { userId: true }, orderBy: { userId: "asc" } } } as const;

/** An office with its members (callers drop the members for viewers who may not see them). */
export function toOfficeRecord(row: OfficeRow): OfficeRecord {
  return {
    id: row.id,
    name: row.name,
    memberIds: (row.members ?? []).map((m) => m.userId),
    version: row.version,
    updatedAt: row.updatedAt.toISOString()
  };
}
