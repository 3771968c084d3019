import { RULES, secretHint } from "@switchboard/auth";
import { actorOf, badRequest, enforce, withActor, type ActingViewer, type PbxConnection, type ServiceDeps } from "@switchboard/db";
import type { PbxConnectionInput, PbxConnectionSettingsView, PbxIntegrationView } from "@switchboard/contracts";
import { destinationProblem, type EgressGuard } from "@switchboard/egress";
import { createPbxWebhook } from "../webhook/pbx-webhook-settings";

function toSettingsView(row: PbxConnection): PbxConnectionSettingsView {
  return {
    id: row.id,
    host: row.host,
    port: row.port,
    username: row.username,
    secretHint: row.secretHint,
    enabled: row.enabled,
    dialContext: row.dialContext,
    status: row.status,
    lastError: row.lastError,
    statusChangedAt: row.statusChangedAt.toISOString(),
    lastConnectedAt: row.lastConnectedAt ? row.lastConnectedAt.toISOString() : null
  };
}

export async function getPbxIntegration({ db }: ServiceDeps, viewer: ActingViewer): Promise<PbxIntegrationView> {
  enforce(RULES.managePbxIntegration, viewer);
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

/**
 * Creates or changes the AMI connection; a new connection needs its secret. The host must be one
 * outgoing connections may reach (the connector checks it again at every connect).
 */
export async function savePbxConnection(
  deps: ServiceDeps & { egress: EgressGuard },
  viewer: ActingViewer,
  input: PbxConnectionInput
): Promise<PbxConnectionSettingsView> {
  enforce(RULES.managePbxIntegration, viewer);
  await deps.egress.check(input.host, input.port).catch((error: unknown) => {
    const problem = destinationProblem(error);
    if (problem) throw badRequest(`invalid input — host: ${problem}`, { host: problem });
    throw error;
  });
  const { secret, ...rest } = input;
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
  enforce(RULES.managePbxIntegration, viewer);
  const { publicId, secret } = await withActor(actorOf(viewer), () => createPbxWebhook(deps.db, deps.box, viewer.orgId));
  return { publicId, secret, path: `/api/pbx/webhooks/${publicId}` };
}
