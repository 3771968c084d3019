import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ExtensionFormScreen } from "@/features/extensions/components/extension-form-screen";

export const metadata: Metadata = { title: "New extension" };

export default async function NewExtensionPage() {
  return <ExtensionFormScreen viewer={await requireViewer()} />;
}
