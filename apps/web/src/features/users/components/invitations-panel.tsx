"use client";

import { useEffect } from "react";
import type { InvitationView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { buttonClasses } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Badge } from "@/components/ui/panel";
import { useRealtimeContext } from "@/features/realtime/realtime-provider";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { roleLabel } from "@/features/shell/role-label";
import { USER_TOPICS } from "../apply-user-events";
import { revokeInvitationAction } from "../actions/user-actions";

/**
 * Invitations nobody has accepted yet; their links are never shown again, only withdrawn. Someone
 * invited or accepting elsewhere shows up as a user event: the list is then read again.
 */
export function InvitationsPanel({ seq, invitations, canRevoke }: { seq: number; invitations: InvitationView[]; canRevoke: boolean }) {
  const { requestRefresh } = useRealtimeContext();
  const events = useEventsSince(seq, USER_TOPICS);
  const changed = events.some(
    (e) =>
      e.type === "user.created" ||
      ((e.type === "user.joined" || e.type === "user.deactivated" || e.type === "user.deleted") && invitations.some((i) => i.userId === e.data.id))
  );
  useEffect(() => {
    if (changed) requestRefresh();
  }, [changed, requestRefresh]);
  const { request, dialog } = useConfirmDelete<InvitationView>({
    title: (i) => `Withdraw the invitation for ${i.email}?`,
    description: () => <p>The link stops working. You can send a new one from their page.</p>,
    success: (i) => `Invitation for ${i.email} withdrawn`,
    remove: (i) => revokeInvitationAction(i.id),
    confirmLabel: "Withdraw"
  });
  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="text-base font-semibold">
        Pending invitations
      </h2>
      <PlainTable
        caption="Pending invitations"
        headers={["Email", "Name", "Role", "Invited by", "Expires"]}
        actions={canRevoke}
        empty={invitations.length === 0 ? <span className="text-slate-600 dark:text-slate-400">No invitations are waiting.</span> : null}
      >
        {invitations.map((i) => (
          <tr key={i.id}>
            <th scope="row" className="px-3 py-2.5 text-left font-semibold break-all">
              {i.email}
            </th>
            <td className="px-3 py-2.5">{i.name}</td>
            <td className="px-3 py-2.5">{roleLabel(i.role)}</td>
            <td className="px-3 py-2.5">{i.invitedBy ?? "—"}</td>
            <td className="px-3 py-2.5">{i.expired ? <Badge tone="warning">Expired</Badge> : <LocalDate iso={i.expiresAt} />}</td>
            {canRevoke ? (
              <td className="px-3 py-2.5 text-right">
                <button type="button" onClick={() => request(i)} className={buttonClasses("ghost", "sm", "text-red-700 dark:text-red-400")}>
                  Withdraw<span className="sr-only"> the invitation for {i.email}</span>
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </PlainTable>
      {dialog}
    </section>
  );
}
