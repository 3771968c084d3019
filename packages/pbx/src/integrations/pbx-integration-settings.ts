import { z } from "zod";
import { canManagePbxIntegration, secretHint } from "@switchboard/auth";
import { actorOf, badRequest, forbidden, parseInput, withActor, type ActingViewer, type PbxConnection, type ServiceDeps } from "@switchboard/db";
import { pbxConnectionStatusSchema } from "@switchboard/contracts";
import { createPbxWebhook } from "../webhook/pbx-webhook-settings";

const hostSchema = z
  .string()
  .trim()
  .min(1, "host is required")
  .max(253, "host must be at most 253 characters")
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:]+\]?$/, "host must be a hostname or IP address");

/** Admin input for the AMI connection. On update an absent or empty secret keeps the current one. */
export const pbxConnectionInputSchema = z.strictObject({
  host: hostSchema,
  port: z.coerce
    .number({ error: "port must be a number" })
    .int("port must be a whole number")
    .min(1, "port must be 1–65535")
    .max(65535, "port must be 1–65535")
    .default(5038),
  username: z.string().trim().min(1, "username is required").max(64, "username must be at most 64 characters"),
  secret: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(8, "secret must be at least 8 characters").max(128, "secret must be at most 128 characters").optional()
  ),
  enabled: z.boolean().default(true)
});
export type PbxConnectionInput = z.input<typeof pbxConnectionInputSchema>;

export const pbxConnectionSettingsViewSchema = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number(),
  username: z.string(),
  secretHint: z.string(),
  enabled: z.boolean(),
  status: pbxConnectionStatusSchema,
  lastError: z.string().nullable(),
  statusChangedAt: z.string(),
  lastConnectedAt: z.string().nullable()
});
export type PbxConnectionSettingsView = z.infer<typeof pbxConnectionSettingsViewSchema>;

export interface PbxIntegrationView {
  ami: PbxConnectionSettingsView | null;
  webhook: { publicId: string; secretHint: string; enabled: boolean; path: string } | null;
}

function toSettingsView(row: PbxConnection): PbxConnectionSettingsView {
  return {
    id: row.id,
    host: row.host,
    port: row.port,
    username: row.username,
    secretHint: row.secretHint,
    enabled: row.enabled,
    status: row.status,
    lastError: row.lastError,
    statusChangedAt: row.statusChangedAt.toISOString(),
    lastConnectedAt: row.lastConnectedAt ? row.lastConnectedAt.toISOString() : null
  };
}

const DENIED = "only admins may configure the PBX integration";

export async function getPbxIntegration({ db }: ServiceDeps, viewer: ActingViewer): Promise<PbxIntegrationView> {
  if (!canManagePbxIntegration(viewer)) throw forbidden(DENIED);
  const [ami, webhook] = await Promise.all([
    db.pbxConnection.findUnique({ where: { organizationId: viewer.orgId } }),
    db.pbxWebhook.findUnique({ where: { organizationId: viewer.orgId } })
  ]);
  return {
    ami: ami ? toSettingsView(ami) : null,
    webhook: webhook
      ? { publicId: webhook.publicId, secretHint: webhook.secretHint, enabled: webhook.enabled, path: `/api/pbx/webhooks/${webhook.publicId}` }
      : null
  };
}

/** Creates or changes the AMI connection; a new connection needs its secret. */
export async function savePbxConnection(deps: ServiceDeps, viewer: ActingViewer, input: unknown): Promise<PbxConnectionSettingsView> {
  if (!canManagePbxIntegration(viewer)) throw forbidden(DENIED);
  const { secret, ...rest } = parseInput(pbxConnectionInputSchema, input);
  const existing = await deps.db.pbxConnection.findUnique({
    where: { organizationId: viewer.orgId },
    select: { id: true, host: true, port: true, username: true, enabled: true }
  });
  if (!existing && !secret) throw badRequest("invalid input — secret: secret is required", { secret: "secret is required" });
  const sealed = secret ? { secretEnc: deps.box.seal(secret), secretHint: secretHint(secret) } : {};
  // Changed settings make the connector reconnect: the old status no longer says anything, and
  // consoles see "connecting" until the connector reports how the new login went.
  const changed =
    !existing ||
    Boolean(secret) ||
    existing.host !== rest.host ||
    existing.port !== rest.port ||
    existing.username !== rest.username ||
    existing.enabled !== rest.enabled;
  const reset = changed ? { status: rest.enabled ? ("connecting" as const) : ("disconnected" as const), lastError: null, statusChangedAt: new Date() } : {};
  const row = await withActor(actorOf(viewer), () =>
    deps.db.pbxConnection.upsert({
      where: { organizationId: viewer.orgId },
      create: { organizationId: viewer.orgId, ...rest, ...reset, secretEnc: sealed.secretEnc ?? "", secretHint: sealed.secretHint ?? "" },
      update: { ...rest, ...sealed, ...reset }
    })
  );
  return toSettingsView(row);
}

/** Creates the webhook integration, or rotates its secret; the secret is returned only here. */
export async function rotatePbxWebhookSecret(deps: ServiceDeps, viewer: ActingViewer): Promise<{ publicId: string; secret: string; path: string }> {
  if (!canManagePbxIntegration(viewer)) throw forbidden(DENIED);
  const { publicId, secret } = await createPbxWebhook(deps.db, deps.box, viewer.orgId);
  return { publicId, secret, path: `/api/pbx/webhooks/${publicId}` };
}
