import { canManageWebhooks } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { orNotFound } from "@/server/or-not-found";
import { loadWebhookPage } from "../server/load-webhooks";
import { WebhookDetailView } from "./webhook-detail-view";

export async function WebhookDetailScreen({ viewer, id }: { viewer: Viewer; id: string }) {
  if (!canManageWebhooks(viewer)) return <AccessDenied title="Webhooks" message="Only admins manage webhooks." />;
  const { seq, webhook, deliveries } = await orNotFound(loadWebhookPage(viewer, id));
  return (
    <>
      <PageHeader title={`Webhook ${webhook.url}`} description={webhook.description || undefined} />
      <WebhookDetailView initial={webhook} deliveries={deliveries} seq={seq} />
    </>
  );
}
