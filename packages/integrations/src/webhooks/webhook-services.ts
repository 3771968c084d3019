import { randomBytes } from "node:crypto";
import { RULES, secretHint } from "@switchboard/auth";
import type { Page, WebhookCreateInput, WebhookDeliveryView, WebhookEndpointView, WebhookUpdateInput } from "@switchboard/contracts";
import {
  actorOf,
  badRequest,
  conflict,
  enforce,
  notFound,
  toWebhookDeliveryView,
  toWebhookEndpointView,
  webhookEndpointIncludes,
  withActor,
  type ActingViewer
} from "@switchboard/db";
import { destinationProblem, parseDestinationUrl, portOf } from "@switchboard/egress";
import { QUEUES } from "../queue/queues";
import type { IntegrationDeps } from "./deps";

function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** The URL's host must resolve to an address outgoing deliveries may reach (checked again at every delivery). */
async function assertReachable(deps: IntegrationDeps, url: string): Promise<void> {
  const parsed = parseDestinationUrl(url);
  try {
    await deps.egress.check(parsed.hostname, portOf(parsed));
  } catch (error) {
    const problem = destinationProblem(error);
    if (problem) throw badRequest(`invalid input — url: ${problem}`, { url: problem });
    throw error;
  }
}

async function findEndpoint(deps: IntegrationDeps, viewer: ActingViewer, id: string) {
  const row = await deps.db.webhookEndpoint.findFirst({ where: { id, organizationId: viewer.orgId }, include: webhookEndpointIncludes });
  if (!row) throw notFound("webhook");
  return row;
}

export async function listWebhooks(deps: IntegrationDeps, viewer: ActingViewer): Promise<WebhookEndpointView[]> {
  enforce(RULES.manageWebhooks, viewer);
  const rows = await deps.db.webhookEndpoint.findMany({
    where: { organizationId: viewer.orgId },
    include: webhookEndpointIncludes,
    orderBy: { createdAt: "asc" }
  });
  return rows.map(toWebhookEndpointView);
}

export async function getWebhook(deps: IntegrationDeps, viewer: ActingViewer, id: string): Promise<WebhookEndpointView> {
  enforce(RULES.manageWebhooks, viewer);
  return toWebhookEndpointView(await findEndpoint(deps, viewer, id));
}

/**
 * Creates an endpoint; its secret is returned here only. It starts at the organization's current
 * position: it receives what happens from now on, not the history.
 */
export async function createWebhook(
  deps: IntegrationDeps,
  viewer: ActingViewer,
  input: WebhookCreateInput
): Promise<{ webhook: WebhookEndpointView; secret: string }> {
  enforce(RULES.manageWebhooks, viewer);
  await assertReachable(deps, input.url);
  const secret = newSecret();
  const row = await withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const head = await tx.orgSequence.findUnique({ where: { organizationId: viewer.orgId }, select: { value: true } });
      return tx.webhookEndpoint.create({
        data: {
          ...input,
          organizationId: viewer.orgId,
          secretEnc: deps.box.seal(secret),
          secretHint: secretHint(secret),
          position: head?.value ?? 0n,
          createdById: viewer.id
        },
        include: webhookEndpointIncludes
      });
    })
  );
  return { webhook: toWebhookEndpointView(row), secret };
}

/**
 * Changes an endpoint. With `version`, a change based on an older version is refused (409). Turning
 * a disabled endpoint back on clears its failure streak; it resumes from its position, so what
 * happened while it was off is delivered too.
 */
export async function updateWebhook(deps: IntegrationDeps, viewer: ActingViewer, id: string, input: WebhookUpdateInput): Promise<WebhookEndpointView> {
  enforce(RULES.manageWebhooks, viewer);
  const current = await findEndpoint(deps, viewer, id);
  const { version, ...changes } = input;
  if (version !== undefined && version !== current.version)
    throw conflict("version", `this webhook was changed meanwhile (now version ${current.version}); reload it`);
  if (changes.url !== undefined && changes.url !== current.url) await assertReachable(deps, changes.url);
  const reenabled = changes.enabled === true && !current.enabled;
  const row = await withActor(actorOf(viewer), () =>
    deps.db.webhookEndpoint.update({
      where: { id, organizationId: viewer.orgId, version: current.version },
      data: {
        ...changes,
        ...(reenabled || changes.enabled === false ? { disabledReason: null } : {}),
        ...(reenabled ? { failingSince: null, consecutiveFailures: 0 } : {}),
        version: { increment: 1 }
      },
      include: webhookEndpointIncludes
    })
  ).catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2025") throw conflict("version", "this webhook was changed meanwhile; reload it");
    throw error;
  });
  return toWebhookEndpointView(row);
}

/** A new signing secret, returned here only; the old one stops working at once. */
export async function rotateWebhookSecret(deps: IntegrationDeps, viewer: ActingViewer, id: string): Promise<{ webhook: WebhookEndpointView; secret: string }> {
  enforce(RULES.manageWebhooks, viewer);
  await findEndpoint(deps, viewer, id);
  const secret = newSecret();
  const row = await withActor(actorOf(viewer), () =>
    deps.db.webhookEndpoint.update({
      where: { id },
      data: { secretEnc: deps.box.seal(secret), secretHint: secretHint(secret), version: { increment: 1 } },
      include: webhookEndpointIncludes
    })
  );
  return { webhook: toWebhookEndpointView(row), secret };
}

export async function deleteWebhook(deps: IntegrationDeps, viewer: ActingViewer, id: string): Promise<{ id: string }> {
  enforce(RULES.manageWebhooks, viewer);
  await findEndpoint(deps, viewer, id);
  await withActor(actorOf(viewer), () => deps.db.webhookEndpoint.delete({ where: { id } }));
  return { id };
}

export async function listWebhookDeliveries(
  deps: IntegrationDeps,
  viewer: ActingViewer,
  id: string,
  q: { page: number; pageSize: number }
): Promise<Page<WebhookDeliveryView>> {
  enforce(RULES.manageWebhooks, viewer);
  await findEndpoint(deps, viewer, id);
  const where = { endpointId: id, organizationId: viewer.orgId };
  const [rows, total] = await Promise.all([
    deps.db.webhookDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    deps.db.webhookDelivery.count({ where })
  ]);
  return { data: rows.map(toWebhookDeliveryView), page: q.page, pageSize: q.pageSize, total };
}

/** Sends one past event again (outside the endpoint's sequence), recorded in the log as a redelivery. */
export async function redeliverWebhookDelivery(deps: IntegrationDeps, viewer: ActingViewer, endpointId: string, deliveryId: string): Promise<{ queued: true }> {
  enforce(RULES.manageWebhooks, viewer);
  await findEndpoint(deps, viewer, endpointId);
  const delivery = await deps.db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId, organizationId: viewer.orgId } });
  if (!delivery) throw notFound("webhook");
  if (delivery.kind === "test") throw badRequest("a test delivery cannot be redelivered; send a new test event instead");
  const attempts = await deps.db.webhookDelivery.count({ where: { endpointId, eventId: delivery.eventId } });
  await deps.queue.send(QUEUES.webhookSendOnce, { kind: "redelivery", endpointId, eventId: delivery.eventId, attempt: attempts + 1 });
  return { queued: true };
}

export async function sendWebhookTest(deps: IntegrationDeps, viewer: ActingViewer, endpointId: string): Promise<{ queued: true }> {
  enforce(RULES.manageWebhooks, viewer);
  await findEndpoint(deps, viewer, endpointId);
  await deps.queue.send(QUEUES.webhookSendOnce, { kind: "test", endpointId });
  return { queued: true };
}
