import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { CallDetailScreen } from "@/features/calls/components/call-detail-screen";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer] = await Promise.all([params, requireViewer()]);
  return <CallDetailScreen viewer={viewer} id={id} />;
}
