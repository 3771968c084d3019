import Link from "next/link";
import { notFound } from "next/navigation";
import { canManageExtensions } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { loadExtension, loadStaffOptions } from "../server/load-extensions";
import { ExtensionForm } from "./extension-form";

const back = (
  <Link href="/extensions" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
    ← Back to extensions
  </Link>
);

async function loadOrNotFound(viewer: Viewer, id: string) {
  try {
    return await loadExtension(viewer, id);
  } catch (error) {
    if (asDomainError(error)?.code === "not_found") notFound();
    throw error;
  }
}

/** /extensions/new and /extensions/[id]/edit: managers only (the server actions check again). */
export async function ExtensionFormScreen({ viewer, id }: { viewer: Viewer; id?: string }) {
  const title = id ? "Edit extension" : "New extension";
  if (!canManageExtensions(viewer)) return <AccessDenied title={title} message="Only admins and supervisors can change extensions." />;
  const [extension, staff] = await Promise.all([id ? loadOrNotFound(viewer, id) : Promise.resolve(undefined), loadStaffOptions(viewer)]);
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4">{back}</div>
      <PageHeader title={extension ? `Edit extension ${extension.number}` : title} />
      <Panel className="p-6">
        <ExtensionForm extension={extension} staff={staff} />
      </Panel>
    </div>
  );
}
