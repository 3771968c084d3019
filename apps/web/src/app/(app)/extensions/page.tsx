import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ExtensionsScreen } from "@/features/extensions/components/extensions-screen";

export const metadata: Metadata = { title: "Extensions" };

export default async function ExtensionsPage() {
  return <ExtensionsScreen viewer={await requireViewer()} />;
}
