import Link from "next/link";
import { notFound } from "next/navigation";
import { canManageTrunks } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { loadTrunk } from "../server/load-trunks";
import { TrunkForm } from "./trunk-form";

async function loadOrNotFound(viewer: Viewer, id: string) {
  try {
    return await loadTrunk(viewer, id);
  } catch (error) {
    if (asDomainError(error)?.code === "not_found") notFound();
    throw error;
  }
}

/** /trunks/new and /trunks/[id]/edit: admins only (the server actions check again). */
export async function TrunkFormScreen({ viewer, id }: { viewer: Viewer; id?: string }) {
  const title = id ? "Edit trunk" : "New trunk";
  if (!canManageTrunks(viewer)) return <AccessDenied title={title} message="Only admins can change trunks." />;
  const trunk = id ? await loadOrNotFound(viewer, id) : undefined;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4">
        <Link href="/trunks" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
          ← Back to trunks
        </Link>
      </div>
      <PageHeader title={trunk ? `Edit trunk ${trunk.name}` : title} />
      <Panel className="p-6">
        <TrunkForm trunk={trunk} />
      </Panel>
    </div>
  );
}
