import type { Metadata } from "next";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { JobsScreen } from "@/features/jobs/components/jobs-screen";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  return <JobsScreen viewer={await requireViewer()} />;
}
