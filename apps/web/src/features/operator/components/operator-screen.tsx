import { canControlCalls, canReadCalls } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { Notice } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { LIST_LIMIT } from "@/server/list-all";
import { loadOperator } from "../server/load-operator";
import { OperatorPanel } from "./operator-panel";

export async function OperatorScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadCalls(viewer)) return <AccessDenied title="Operator" message="The operator panel is visible to your organization's staff only." />;
  const { truncated, ...data } = await loadOperator(viewer);
  return (
    <>
      {/* A compact header: the panel needs the height for the extensions. */}
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3">
        <h1 className="text-2xl font-semibold tracking-tight">Operator</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every extension, waiting call and trunk, live. Click an extension for its actions; drag a call to transfer it.
        </p>
      </div>
      {truncated ? (
        <div className="mb-3">
          <Notice tone="warning" title={`Showing the first ${LIST_LIMIT} extensions`} />
        </div>
      ) : null}
      <OperatorPanel {...data} canControl={canControlCalls(viewer)} />
    </>
  );
}
