import { canManageTrunks } from "@switchboard/auth";
import { EntityFormShell } from "@/components/entity/entity-form-shell";
import { AccessDenied } from "@/components/ui/access-denied";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { orNotFound } from "@/server/or-not-found";
import { loadTrunk } from "../server/load-trunks";
import { TrunkForm } from "./trunk-form";

/** /trunks/new and /trunks/[id]/edit: admins only (the server actions check again). */
export async function TrunkFormScreen({ viewer, id }: { viewer: Viewer; id?: string }) {
  const title = id ? "Edit trunk" : "New trunk";
  if (!canManageTrunks(viewer)) return <AccessDenied title={title} message="Only admins can change trunks." />;
  const loaded = id ? await orNotFound(loadTrunk(viewer, id)) : undefined;
  return (
    <EntityFormShell backHref="/trunks" backLabel="Back to trunks" title={loaded ? `Edit trunk ${loaded.trunk.name}` : title}>
      <TrunkForm trunk={loaded?.trunk} seq={loaded?.seq ?? 0} />
    </EntityFormShell>
  );
}
