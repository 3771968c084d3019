import type { Metadata } from "next";
import { canImportUsers } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ImportForm } from "@/features/jobs/components/import-form";

export const metadata: Metadata = { title: "Import users" };

export default async function ImportUsersPage() {
  const viewer = await requireViewer();
  if (!canImportUsers(viewer)) return <AccessDenied title="Import users" message="Only admins and supervisors import users." />;
  return (
    <>
      <PageHeader
        title="Import users"
        description="Invite many people from a CSV file. Every row is checked before anything is written; the invitation links are offered to you once the import is done."
      />
      <ImportForm kind="users" />
    </>
  );
}
