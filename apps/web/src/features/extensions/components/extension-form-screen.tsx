import { canManageExtensions } from "@switchboard/auth";
import { EntityFormShell } from "@/components/entity/entity-form-shell";
import { AccessDenied } from "@/components/ui/access-denied";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { orNotFound } from "@/server/or-not-found";
import { loadExtension, loadStaffOptions } from "../server/load-extensions";
import { ExtensionForm } from "./extension-form";

/** /extensions/new and /extensions/[id]/edit: managers only (the server actions check again). */
export async function ExtensionFormScreen({ viewer, id }: { viewer: Viewer; id?: string }) {
  const title = id ? "Edit extension" : "New extension";
  if (!canManageExtensions(viewer)) return <AccessDenied title={title} message="Only admins and supervisors can change extensions." />;
  const [loaded, staff] = await Promise.all([id ? orNotFound(loadExtension(viewer, id)) : Promise.resolve(undefined), loadStaffOptions(viewer)]);
  return (
    <EntityFormShell backHref="/extensions" backLabel="Back to extensions" title={loaded ? `Edit extension ${loaded.extension.number}` : title}>
      <ExtensionForm extension={loaded?.extension} seq={loaded?.seq ?? 0} staff={staff} />
    </EntityFormShell>
  );
}
