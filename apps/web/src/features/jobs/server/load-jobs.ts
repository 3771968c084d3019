import "server-only";
import type { JobView } from "@switchboard/contracts";
import { listJobs } from "@switchboard/integrations";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getIntegrationDeps } from "@/server/integrations";
import { readSnapshot } from "@/server/snapshot";

/** The viewer's jobs (admins: the organization's), newest first, with the seq they reflect. */
export async function loadJobsPage(viewer: Viewer): Promise<{ seq: number; jobs: JobView[] }> {
  const { seq, data } = await readSnapshot(viewer.orgId, () => listJobs(getIntegrationDeps(), viewer, { page: 1, pageSize: 50 }));
  return { seq, jobs: data.data };
}

/** Jobs still queued or running, for the progress tray every tab shows. */
export async function loadActiveJobs(viewer: Viewer): Promise<JobView[]> {
  return (await listJobs(getIntegrationDeps(), viewer, { state: "active", page: 1, pageSize: 20 })).data;
}
