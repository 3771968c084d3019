import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { CannedRepliesScreen } from "@/features/tickets/canned-replies/canned-replies-screen";

export const metadata: Metadata = { title: "Canned replies" };

export default async function CannedRepliesPage() {
  return <CannedRepliesScreen viewer={await requireViewer()} />;
}
