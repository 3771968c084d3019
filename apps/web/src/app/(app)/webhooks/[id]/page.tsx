import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { WebhookDetailScreen } from "@/features/webhooks/components/webhook-detail-screen";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WebhookDetailScreen viewer={await requireViewer()} id={id} />;
}
