import { canReadUsers } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { orNotFound } from "@/server/or-not-found";
import { loadUserPage } from "../server/load-user";
import { UserPageView } from "./user-view";

export async function UserScreen({ viewer, id }: { viewer: Viewer; id: string }) {
  if (!canReadUsers(viewer) && id !== viewer.id) return <AccessDenied title="Users" message="The team is visible to your organization's staff only." />;
  const data = await orNotFound(loadUserPage(viewer, id));
  return (
    <>
      <PageHeader
        title={data.user.name}
        actions={
          <ButtonLink href="/users" variant="secondary">
            Back to users
          </ButtonLink>
        }
      />
      <UserPageView seq={data.seq} user={data.user} offices={data.offices} tickets={data.tickets} can={data.can} />
    </>
  );
}
