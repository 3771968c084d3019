import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { OperatorScreen } from "@/features/operator/components/operator-screen";

export const metadata: Metadata = { title: "Operator" };

export default async function OperatorPage() {
  return <OperatorScreen viewer={await requireViewer()} />;
}
