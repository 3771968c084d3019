import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { UserScreen } from "@/features/users/components/user-screen";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UserScreen viewer={await requireViewer()} id={id} />;
}
