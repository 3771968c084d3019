import "server-only";
import type { WebhookDeliveryView, WebhookEndpointView } from "@switchboard/contracts";
import { parseId } from "@switchboard/db";
import { getWebhook, listWebhookDeliveries, listWebhooks } from "@switchboard/integrations";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getIntegrationDeps } from "@/server/integrations";
import { readSnapshot } from "@/server/snapshot";

export async function loadWebhooksPage(viewer: Viewer): Promise<{ seq: number; webhooks: WebhookEndpointView[] }> {
  const { seq, data } = await readSnapshot(viewer.orgId, () => listWebhooks(getIntegrationDeps(), viewer));
  return { seq, webhooks: data };
}

export async function loadWebhookPage(viewer: Viewer, id: string): Promise<{ seq: number; webhook: WebhookEndpointView; deliveries: WebhookDeliveryView[] }> {
  const endpointId = parseId(id, "webhook");
  const { seq, data } = await readSnapshot(viewer.orgId, async () => ({
    webhook: await getWebhook(getIntegrationDeps(), viewer, endpointId),
    deliveries: (await listWebhookDeliveries(getIntegrationDeps(), viewer, endpointId, { page: 1, pageSize: 100 })).data
  }));
  return { seq, ...data };
}
