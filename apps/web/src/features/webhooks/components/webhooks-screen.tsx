import { canManageWebhooks } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadWebhooksPage } from "../server/load-webhooks";
import { WebhooksView } from "./webhooks-view";

export async function WebhooksScreen({ viewer }: { viewer: Viewer }) {
  if (!canManageWebhooks(viewer)) return <AccessDenied title="Webhooks" message="Only admins manage webhooks." />;
  const { seq, webhooks } = await loadWebhooksPage(viewer);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send your organization's events to your CRM, chat or billing: each matching event is POSTed, signed, at least once and in order."
      />
      <WebhooksView initial={webhooks} seq={seq} />
    </>
  );
}
