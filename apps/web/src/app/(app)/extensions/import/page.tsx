import type { Metadata } from "next";
import { canImportExtensions } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ImportForm } from "@/features/jobs/components/import-form";

export const metadata: Metadata = { title: "Import extensions" };

export default async function ImportExtensionsPage() {
  const viewer = await requireViewer();
  if (!canImportExtensions(viewer)) return <AccessDenied title="Import extensions" message="Only admins import extensions." />;
  return (
    <>
      <PageHeader title="Import extensions" description="Create many extensions from a CSV file. Every row is checked before anything is written." />
      <ImportForm kind="extensions" />
    </>
  );
}
