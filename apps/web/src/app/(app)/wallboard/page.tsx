import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { WallboardScreen } from "@/features/queues/components/wallboard-screen";

export const metadata: Metadata = { title: "Wallboard" };

export default async function WallboardPage() {
  return <WallboardScreen viewer={await requireViewer()} />;
}
