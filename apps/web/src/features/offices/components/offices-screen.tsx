import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadOfficesPage } from "../server/load-offices";
import { OfficeCreateForm } from "./office-create-form";
import { OfficesView } from "./offices-view";

export async function OfficesScreen({ viewer }: { viewer: Viewer }) {
  const data = await loadOfficesPage(viewer);
  if (!data) return <AccessDenied title="Offices" message="Offices and their members are visible to your organization's staff only." />;
  return (
    <>
      <PageHeader
        title="Offices"
        description={
          data.canManage
            ? "Helpdesk departments: agents see the tickets of their offices. Changes appear here live."
            : "Helpdesk departments and who belongs to them."
        }
      />
      <Panel className="space-y-6 p-6">
        {data.canManage ? <OfficeCreateForm /> : null}
        <OfficesView seq={data.seq} offices={data.offices} staff={data.staff} canManage={data.canManage} />
      </Panel>
    </>
  );
}
