import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { OfficesScreen } from "@/features/offices/components/offices-screen";

export const metadata: Metadata = { title: "Offices" };

export default async function OfficesPage() {
  return <OfficesScreen viewer={await requireViewer()} />;
}
