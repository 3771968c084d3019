import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { UsersScreen } from "@/features/users/components/users-screen";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <UsersScreen viewer={await requireViewer()} searchParams={await searchParams} />;
}
