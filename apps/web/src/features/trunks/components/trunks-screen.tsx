import { canReadTrunks } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { ButtonLink } from "@/components/ui/button";
import { Notice, PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { LIST_LIMIT } from "@/server/list-all";
import { loadTrunksPage } from "../server/load-trunks";
import { TrunksView } from "./trunks-view";

export async function TrunksScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadTrunks(viewer)) return <AccessDenied title="Trunks" message="Trunks are visible to your organization's staff only." />;
  const { rows, statuses, seq, truncated, canManage } = await loadTrunksPage(viewer);
  return (
    <>
      <PageHeader
        title="Trunks"
        description={
          canManage
            ? "Connections to carriers and SIP providers. Changes by anyone appear here live."
            : "Connections to carriers and SIP providers (read-only for your role)."
        }
        actions={canManage ? <ButtonLink href="/trunks/new">New trunk</ButtonLink> : null}
      />
      {truncated ? (
        <div className="mb-4">
          <Notice tone="warning" title={`Showing the first ${LIST_LIMIT} trunks`}>
            Use the REST API to work with the full list.
          </Notice>
        </div>
      ) : null}
      <TrunksView rows={rows} statuses={statuses} seq={seq} canManage={canManage} />
    </>
  );
}
