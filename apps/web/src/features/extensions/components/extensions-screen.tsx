import { canReadExtensions } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { ButtonLink } from "@/components/ui/button";
import { Notice, PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { LIST_LIMIT } from "@/server/list-all";
import { loadExtensionsPage } from "../server/load-extensions";
import { ExtensionsView } from "./extensions-view";

export async function ExtensionsScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadExtensions(viewer)) return <AccessDenied title="Extensions" message="Extensions are visible to your organization's staff only." />;
  const { rows, statuses, seq, truncated, canManage } = await loadExtensionsPage(viewer);
  return (
    <>
      <PageHeader
        title="Extensions"
        description={
          canManage
            ? "Internal numbers and their SIP endpoints. Changes by anyone appear here live."
            : "Internal numbers and their SIP endpoints (read-only for your role)."
        }
        actions={canManage ? <ButtonLink href="/extensions/new">New extension</ButtonLink> : null}
      />
      {truncated ? (
        <div className="mb-4">
          <Notice tone="warning" title={`Showing the first ${LIST_LIMIT} extensions`}>
            Use the REST API to work with the full list.
          </Notice>
        </div>
      ) : null}
      <ExtensionsView rows={rows} statuses={statuses} seq={seq} canManage={canManage} />
    </>
  );
}
