import { canImportUsers } from "@switchboard/auth";
import { AccessDenied } from "@/components/ui/access-denied";
import { Notice, PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { ImportCsvLink } from "@/features/jobs/components/import-csv-link";
import { loadUsersPage, type SearchParams } from "../server/load-users";
import { CustomerForm } from "./customer-form";
import { InvitationsPanel } from "./invitations-panel";
import { InviteForm } from "./invite-form";
import { UserFilters } from "./user-filters";
import { UsersView } from "./users-view";

export async function UsersScreen({ viewer, searchParams }: { viewer: Viewer; searchParams: SearchParams }) {
  const data = await loadUsersPage(viewer, searchParams);
  if (!data) return <AccessDenied title="Users" message="The team is visible to your organization's staff only." />;
  const { query } = data;
  const filter = { q: query.q, role: query.role, status: query.status };
  const filterQuery = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <>
      <PageHeader
        title="Users"
        description={
          data.canManage
            ? "Your organization's people: invite them, change their role and offices, deactivate them. Changes appear here live."
            : "Your organization's people."
        }
        actions={canImportUsers(viewer) ? <ImportCsvLink href="/users/import" /> : null}
      />
      <div className="space-y-6">
        {data.queryError ? (
          <Notice tone="warning" title="These filters could not be used" role="alert">
            {data.queryError}
          </Notice>
        ) : null}
        <Panel>
          <UserFilters q={query.q} role={query.role} status={query.status} />
          <UsersView seq={data.seq} users={data.users} offices={data.offices} filter={filter} filterQuery={filterQuery} />
        </Panel>
        <Panel className="space-y-6 p-6">
          <section aria-labelledby="invite-heading" className="space-y-3">
            <h2 id="invite-heading" className="text-base font-semibold">
              Invite someone
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              They get a one-time link to set their own password; it is shown here once and mailed when mail is set up.
            </p>
            <InviteForm roles={data.roles} offices={data.offices} />
          </section>
          {data.canAddCustomers ? (
            <section aria-labelledby="customer-heading" className="space-y-3">
              <h2 id="customer-heading" className="text-base font-semibold">
                Add a customer
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">A customer account without sign-in, for tickets you open on their behalf.</p>
              <CustomerForm />
            </section>
          ) : null}
          <InvitationsPanel seq={data.seq} invitations={data.invitations} canRevoke={data.roles.length > 0} />
        </Panel>
      </div>
    </>
  );
}
