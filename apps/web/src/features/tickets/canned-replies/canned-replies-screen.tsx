import { canManageCannedReplies } from "@switchboard/auth";
import { listCannedReplies } from "@switchboard/db";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { CannedRepliesManager } from "./canned-replies-manager";

export async function CannedRepliesScreen({ viewer }: { viewer: Viewer }) {
  if (!canManageCannedReplies(viewer)) return <AccessDenied title="Canned replies" message="Only admins and supervisors manage canned replies." />;
  const replies = await listCannedReplies(getRuntime().services, viewer);
  return (
    <>
      <PageHeader
        title="Canned replies"
        description="Prepared answers agents insert into a reply or note. Placeholders are filled in from the ticket when inserted."
      />
      <CannedRepliesManager replies={replies} />
    </>
  );
}
