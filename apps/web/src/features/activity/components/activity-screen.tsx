import { AccessDenied } from "@/components/ui/access-denied";
import { buttonClasses } from "@/components/ui/button";
import { Notice, PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadActivityPage } from "../server/load-activity";
import { ActivityFilters } from "./activity-filters";
import { ActivityView } from "./activity-view";

export async function ActivityScreen({ viewer, searchParams }: { viewer: Viewer; searchParams: Record<string, string | string[] | undefined> }) {
  const data = await loadActivityPage(viewer, searchParams);
  if (!data) return <AccessDenied title="Activity" message="The activity log is for admins." />;
  return (
    <>
      <PageHeader
        title="Activity"
        description="Who did what in your organization: sign-ins, people, offices, extensions, trunks, the PBX integration, call control and tickets. New entries appear live."
        actions={
          // A plain link: the browser downloads the CSV with the session cookie.
          <a className={buttonClasses("secondary")} href={`/api/v1/activity/export${data.filterQuery ? `?${data.filterQuery}` : ""}`} download>
            Export CSV
          </a>
        }
      />
      {data.queryError ? (
        <div className="mb-4">
          <Notice tone="warning" title="These filters could not be used" role="alert">
            {data.queryError}
          </Notice>
        </div>
      ) : null}
      <Panel>
        <ActivityFilters query={data.query} people={data.people} timeZone={data.timeZone} />
        <ActivityView seq={data.seq} page={data.page} filter={data.filter} filterQuery={data.filterQuery} topics={data.topics} />
      </Panel>
    </>
  );
}
