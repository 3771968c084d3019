import { Notice, PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { PbxIntegrationPanel } from "@/features/pbx-settings/components/pbx-integration-panel";
import { loadSettings } from "../server/load-settings";
import { ApiTokensPanel } from "./api-tokens-panel";
import { OrganizationForm } from "./organization-form";
import { ProfileCard } from "./profile-card";
import { SlaTargetsForm } from "./sla-targets-form";

export async function SettingsScreen({ viewer }: { viewer: Viewer }) {
  const { org, tokens, canHoldTokens, zones } = await loadSettings(viewer);
  return (
    <>
      <PageHeader title="Settings" description="Your profile, your sessions and API access." />
      <div className="space-y-6">
        <ProfileCard viewer={viewer} orgName={org.name} />
        {zones ? (
          <Panel className="p-6">
            <section aria-labelledby="org-heading" className="space-y-3">
              <h2 id="org-heading" className="text-base font-semibold">
                Organization
              </h2>
              <OrganizationForm name={org.name} timeZone={org.timeZone} zones={zones} />
            </section>
          </Panel>
        ) : null}
        {zones ? (
          <Panel className="p-6">
            <section aria-labelledby="sla-heading" className="space-y-3">
              <h2 id="sla-heading" className="text-base font-semibold">
                Ticket response targets
              </h2>
              <SlaTargetsForm hours={org.slaHours} />
            </section>
          </Panel>
        ) : null}
        {canHoldTokens ? <ApiTokensPanel tokens={tokens} /> : <Notice title="API tokens">Your role cannot hold API tokens.</Notice>}
        <PbxIntegrationPanel viewer={viewer} />
      </div>
    </>
  );
}
