import { canReadTrunks } from "@switchboard/auth";
import { EntityListScreen } from "@/components/entity/entity-list-screen";
import { AccessDenied } from "@/components/ui/access-denied";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadTrunksPage } from "../server/load-trunks";
import { TrunksView } from "./trunks-view";

export async function TrunksScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadTrunks(viewer)) return <AccessDenied title="Trunks" message="Trunks are visible to your organization's staff only." />;
  const { rows, statuses, seq, truncated, canManage } = await loadTrunksPage(viewer);
  return (
    <EntityListScreen
      title="Trunks"
      noun="trunks"
      description={
        canManage
          ? "Connections to carriers and SIP providers. Changes by anyone appear here live."
          : "Connections to carriers and SIP providers (read-only for your role)."
      }
      create={canManage ? { href: "/trunks/new", label: "New trunk" } : null}
      truncated={truncated}
    >
      <TrunksView rows={rows} statuses={statuses} seq={seq} canManage={canManage} />
    </EntityListScreen>
  );
}
