import type { UserEventData, UserView } from "@switchboard/contracts";
import type { User } from "../generated/prisma/client";

export type UserRow = User & { officeMemberships?: { officeId: string }[] };

/** What user views and events load with the row. */
export const userIncludes = { officeMemberships: { select: { officeId: true }, orderBy: { officeId: "asc" } } } as const;

/** The one mapping from a user row to what the team pages, REST and events show. */
export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
    hasPassword: row.passwordHash !== null,
    officeIds: (row.officeMemberships ?? []).map((m) => m.officeId),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version
  };
}

export function toUserEventData(row: UserRow): UserEventData {
  return { ...toUserView(row), sessionVersion: row.sessionVersion };
}
