import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { SettingsScreen } from "@/features/settings/components/settings-screen";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  return <SettingsScreen viewer={await requireViewer()} />;
}
