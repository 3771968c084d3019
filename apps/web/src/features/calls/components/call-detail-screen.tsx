import { canControlCalls, canReadCalls } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { orNotFound } from "@/server/or-not-found";
import { loadCallDetail, loadTransferTargets } from "../server/load-calls";
import { CallDetailView } from "./call-detail-view";

export async function CallDetailScreen({ viewer, id }: { viewer: Viewer; id: string }) {
  if (!canReadCalls(viewer)) return <AccessDenied title="Call" message="Calls are visible to your organization's staff only." />;
  const loaded = await orNotFound(loadCallDetail(viewer, id));
  const { call, timeline, extensions, trunk } = loaded.detail;
  const canControl = canControlCalls(viewer);
  const targets = canControl && call.state !== "ended" ? await loadTransferTargets(viewer) : [];
  return (
    <>
      <PageHeader
        title={`Call from ${call.fromName ?? call.fromNumber}`}
        description={`To ${call.toName ? `${call.toName} (${call.toNumber})` : call.toNumber}`}
        actions={
          <>
            <ButtonLink href={`/tickets/new?callId=${encodeURIComponent(call.id)}`}>Create ticket</ButtonLink>
            <ButtonLink href="/calls" variant="secondary">
              Back to calls
            </ButtonLink>
          </>
        }
      />
      <CallDetailView
        seq={loaded.seq}
        call={call}
        timeline={timeline}
        extensions={extensions}
        trunkName={trunk?.name ?? null}
        canControl={canControl}
        targets={targets}
      />
    </>
  );
}
