import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { WebhooksScreen } from "@/features/webhooks/components/webhooks-screen";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  return <WebhooksScreen viewer={await requireViewer()} />;
}
