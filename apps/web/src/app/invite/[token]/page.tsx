import type { Metadata } from "next";
import { LinkScreen } from "@/features/auth/components/link-screen";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  return <LinkScreen token={(await params).token} purpose="invitation" />;
}
