import { Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { roleLabel } from "@/features/shell/role-label";

export function ProfileCard({ viewer, orgName }: { viewer: Viewer; orgName: string }) {
  const rows: [string, string][] = [
    ["Name", viewer.name],
    ["Email", viewer.email],
    ["Role", roleLabel(viewer.role)],
    ["Organization", orgName]
  ];
  return (
    <Panel className="p-6">
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="text-base font-semibold">
          Profile
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt className="text-sm text-slate-600 dark:text-slate-400">{term}</dt>
              <dd className="mt-0.5 font-medium break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Panel>
  );
}
