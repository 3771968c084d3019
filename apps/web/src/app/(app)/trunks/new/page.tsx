import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { TrunkFormScreen } from "@/features/trunks/components/trunk-form-screen";

export const metadata: Metadata = { title: "New trunk" };

export default async function NewTrunkPage() {
  return <TrunkFormScreen viewer={await requireViewer()} />;
}
