import { canReadJobs } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadJobsPage } from "../server/load-jobs";
import { JobsView } from "./jobs-view";

export async function JobsScreen({ viewer }: { viewer: Viewer }) {
  if (!canReadJobs(viewer)) return <AccessDenied title="Jobs" message="Jobs are visible to your organization's staff only." />;
  const { seq, jobs } = await loadJobsPage(viewer);
  return (
    <>
      <PageHeader
        title="Jobs"
        description={
          viewer.role === "admin"
            ? "Imports and exports of your organization, live."
            : "Your exports, live. A finished export can be downloaded for a limited time."
        }
      />
      <Panel>
        <JobsView initial={jobs} seq={seq} viewerId={viewer.id} />
      </Panel>
    </>
  );
}
