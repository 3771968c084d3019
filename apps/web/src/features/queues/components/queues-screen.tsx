import { canManageQueues } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadQueueAdmin } from "../server/load-queue-admin";
import { QueuesAdminView } from "./queues-admin-view";

export async function QueuesScreen({ viewer }: { viewer: Viewer }) {
  if (!canManageQueues(viewer)) return <AccessDenied title="Queues" message="Queues are managed by your organization's admins." />;
  const data = await loadQueueAdmin(viewer);
  return (
    <>
      <PageHeader
        title="Queues"
        description="Call queues, their service targets and members, and the reasons agents may pause with. Queues the PBX reports are added here on their own."
      />
      <QueuesAdminView {...data} />
    </>
  );
}
