import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { TrunksScreen } from "@/features/trunks/components/trunks-screen";

export const metadata: Metadata = { title: "Trunks" };

export default async function TrunksPage() {
  return <TrunksScreen viewer={await requireViewer()} />;
}
