import { Notice, PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { PbxIntegrationPanel } from "@/features/pbx-settings/components/pbx-integration-panel";
import { loadSettings } from "../server/load-settings";
import { ApiTokensPanel } from "./api-tokens-panel";
import { ProfileCard } from "./profile-card";

export async function SettingsScreen({ viewer }: { viewer: Viewer }) {
  const { orgName, tokens, canHoldTokens } = await loadSettings(viewer);
  return (
    <>
      <PageHeader title="Settings" description="Your profile and API access." />
      <div className="space-y-6">
        <ProfileCard viewer={viewer} orgName={orgName} />
        {canHoldTokens ? <ApiTokensPanel tokens={tokens} /> : <Notice title="API tokens">Your role cannot hold API tokens.</Notice>}
        <PbxIntegrationPanel viewer={viewer} />
      </div>
    </>
  );
}
