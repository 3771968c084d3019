import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ExtensionFormScreen } from "@/features/extensions/components/extension-form-screen";

export const metadata: Metadata = { title: "Edit extension" };

export default async function EditExtensionPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer] = await Promise.all([params, requireViewer()]);
  return <ExtensionFormScreen viewer={viewer} id={id} />;
}
