import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { TrunkFormScreen } from "@/features/trunks/components/trunk-form-screen";

export const metadata: Metadata = { title: "Edit trunk" };

export default async function EditTrunkPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer] = await Promise.all([params, requireViewer()]);
  return <TrunkFormScreen viewer={viewer} id={id} />;
}
