import { canReadCalls } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { Notice, PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { LIST_LIMIT } from "@/server/list-all";
import { loadOperator } from "../server/load-operator";
import { OperatorPanel } from "./operator-panel";

export async function OperatorScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadCalls(viewer)) return <AccessDenied title="Operator" message="The operator panel is visible to your organization's staff only." />;
  const { seq, extensions, statuses, activeCalls, truncated } = await loadOperator(viewer);
  return (
    <>
      <PageHeader title="Operator" description="Every extension's phone at a glance: registration, ringing, in use, on hold, do not disturb. Updates live." />
      {truncated ? (
        <div className="mb-4">
          <Notice tone="warning" title={`Showing the first ${LIST_LIMIT} extensions`} />
        </div>
      ) : null}
      <OperatorPanel seq={seq} extensions={extensions} statuses={statuses} activeCalls={activeCalls} />
    </>
  );
}
