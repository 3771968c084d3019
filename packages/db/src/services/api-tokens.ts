import { z } from "zod";
import { generateApiToken, hashApiToken, looksLikeApiToken, RULES, type SessionUser } from "@switchboard/auth";
import type { ApiTokenView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { enforce, notFound } from "./errors";
import type { ActingViewer } from "./viewer";

export const apiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(64, "name must be at most 64 characters"),
  expiresInDays: z.preprocess(
    (v) => (v === "" || v === "never" ? undefined : v),
    z.coerce.number().int().min(1, "expiry must be at least 1 day").max(3650, "expiry must be at most 3650 days").optional()
  )
});
export type ApiTokenCreateInput = z.output<typeof apiTokenCreateSchema>;

function toView(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null
  };
}

export async function listApiTokens(db: DbClient, viewer: ActingViewer): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({ where: { userId: viewer.id, organizationId: viewer.orgId }, orderBy: { createdAt: "desc" } });
  return rows.map(toView);
}

/** Creates a token; the plain token is returned this once and never again. */
export async function createApiToken(db: DbClient, viewer: ActingViewer, input: ApiTokenCreateInput): Promise<{ token: string; view: ApiTokenView }> {
  enforce(RULES.holdApiTokens, viewer);
  const { name, expiresInDays } = input;
  const { token, hash, prefix } = generateApiToken();
  const row = await db.apiToken.create({
    data: {
      name,
      prefix,
      tokenHash: hash,
      userId: viewer.id,
      organizationId: viewer.orgId,
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null
    }
  });
  return { token, view: toView(row) };
}

export async function revokeApiToken(db: DbClient, viewer: ActingViewer, id: string): Promise<void> {
  const { count } = await db.apiToken.deleteMany({ where: { id, userId: viewer.id } });
  if (count === 0) throw notFound("API token");
}

/**
 * Resolves a bearer token to its owner, or null — also when the owner is no longer active (a
 * deactivated user's tokens stop working at once). Records when it was last used (at most once a minute).
 */
export async function authenticateApiToken(db: DbClient, token: string): Promise<SessionUser | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now()) || row.user.status !== "active") return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { user } = row;
  return { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
