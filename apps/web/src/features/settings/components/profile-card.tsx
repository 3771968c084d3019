import { Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { roleLabel } from "@/features/shell/role-label";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

/** Everyone's own account: who they are, their name, their password, their sessions. */
export function ProfileCard({ viewer, orgName }: { viewer: Viewer; orgName: string }) {
  const rows: [string, string][] = [
    ["Email", viewer.email],
    ["Role", roleLabel(viewer.role)],
    ["Organization", orgName]
  ];
  return (
    <Panel className="p-6">
      <section aria-labelledby="profile-heading" className="space-y-6">
        <h2 id="profile-heading" className="text-base font-semibold">
          Profile
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt className="text-sm text-slate-600 dark:text-slate-400">{term}</dt>
              <dd className="mt-0.5 font-medium break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <ProfileForm name={viewer.name} />
        <section aria-labelledby="password-heading" className="space-y-3">
          <h3 id="password-heading" className="font-semibold">
            Password
          </h3>
          <PasswordForm email={viewer.email} name={viewer.name} />
        </section>
        <section aria-labelledby="sessions-heading" className="space-y-3">
          <h3 id="sessions-heading" className="font-semibold">
            Sessions
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">Signed in somewhere you should not be? End every session of yours at once.</p>
          <SignOutEverywhere />
        </section>
      </section>
    </Panel>
  );
}
