import { canControlCalls, canExportData, canReadCalls } from "@switchboard/auth";
import { ExportButton } from "@/features/jobs/components/export-button";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadCallBoard, RECENT_PAGE_SIZE, type RecentParams } from "../server/load-calls";
import { CallsBoard } from "./calls-board";

export async function CallsScreen({ viewer, params }: { viewer: Viewer; params: RecentParams }) {
  if (!canReadCalls(viewer)) return <AccessDenied title="Calls" message="Live calls are visible to your organization's staff only." />;
  const data = await loadCallBoard(viewer, params);
  return (
    <>
      <PageHeader
        title="Calls"
        description="Calls in progress and recent calls. Everything here updates live, without reloading."
        actions={canExportData(viewer) ? <ExportButton kind="calls" /> : null}
      />
      <CallsBoard data={data} params={params} pageSize={RECENT_PAGE_SIZE} canControl={canControlCalls(viewer)} />
    </>
  );
}
