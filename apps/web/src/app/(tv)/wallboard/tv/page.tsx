import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { TvWallboardScreen } from "@/features/queues/components/wallboard-screen";

export const metadata: Metadata = { title: "Wallboard (TV)" };

export default async function TvWallboardPage() {
  return <TvWallboardScreen viewer={await requireViewer()} />;
}
