import { canReadQueues, isManager } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadWallboard } from "../server/load-wallboard";
import { TvModeLink } from "./tv-mode-link";
import { WallboardView } from "./wallboard-view";

export async function WallboardScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadQueues(viewer)) return <AccessDenied title="Wallboard" message="The wallboard is visible to your organization's staff only." />;
  const data = await loadWallboard(viewer);
  return (
    <>
      <PageHeader
        title="Wallboard"
        description={`Queues, agents and today's figures (the day as counted in ${data.timeZone}), live.`}
        actions={<TvModeLink />}
      />
      <WallboardView data={data} canControlAgents={isManager(viewer)} tv={false} />
    </>
  );
}

/** The wallboard for a screen across the room: large, nothing to click, nothing that scrolls. */
export async function TvWallboardScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadQueues(viewer)) return <AccessDenied title="Wallboard" message="The wallboard is visible to your organization's staff only." />;
  const data = await loadWallboard(viewer);
  return (
    <main className="fixed inset-0 flex flex-col overflow-hidden bg-slate-100 p-[1vw] dark:bg-slate-950">
      <h1 className="sr-only">Wallboard</h1>
      <a
        href="/wallboard"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        Leave TV mode
      </a>
      <div className="min-h-0 flex-1">
        <WallboardView data={data} canControlAgents={false} tv />
      </div>
    </main>
  );
}
