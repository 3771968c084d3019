import { canImportExtensions, canReadExtensions } from "@switchboard/auth";
import { EntityListScreen } from "@/components/entity/entity-list-screen";
import { AccessDenied } from "@/components/ui/access-denied";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { ImportCsvLink } from "@/features/jobs/components/import-csv-link";
import { loadExtensionsPage } from "../server/load-extensions";
import { ExtensionsView } from "./extensions-view";

export async function ExtensionsScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadExtensions(viewer)) return <AccessDenied title="Extensions" message="Extensions are visible to your organization's staff only." />;
  const { rows, statuses, seq, truncated, canManage } = await loadExtensionsPage(viewer);
  return (
    <EntityListScreen
      title="Extensions"
      noun="extensions"
      description={
        canManage
          ? "Internal numbers and their SIP endpoints. Changes by anyone appear here live."
          : "Internal numbers and their SIP endpoints (read-only for your role)."
      }
      create={canManage ? { href: "/extensions/new", label: "New extension" } : null}
      extraActions={canImportExtensions(viewer) ? <ImportCsvLink href="/extensions/import" /> : null}
      truncated={truncated}
    >
      <ExtensionsView rows={rows} statuses={statuses} seq={seq} canManage={canManage} />
    </EntityListScreen>
  );
}
