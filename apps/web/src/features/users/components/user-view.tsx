"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import type { OfficeView, Role, TicketView, UserView } from "@switchboard/contracts";
import { LocalDate } from "@/components/ui/local-date";
import { Badge, Panel } from "@/components/ui/panel";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { roleLabel } from "@/features/shell/role-label";
import { applyToUser, USER_TOPICS } from "../apply-user-events";
import { STATUS_LABELS, STATUS_TONES } from "../user-labels";
import { UserAccessActions } from "./user-access-actions";
import { UserEditForm } from "./user-edit-form";

interface UserPageViewProps {
  seq: number;
  user: UserView;
  offices: OfficeView[];
  tickets: { rows: TicketView[]; total: number } | null;
  can: { edit: boolean; roles: readonly Role[]; status: boolean; link: boolean };
}

/** One person: their facts live (someone else's change shows at once), what the viewer may change, a customer's tickets. */
export function UserPageView({ seq, user: initial, offices, tickets, can }: UserPageViewProps) {
  const events = useEventsSince(seq, USER_TOPICS);
  const user = useMemo(() => applyToUser(initial, events), [initial, events]);
  const officeNames = offices.filter((o) => user.officeIds.includes(o.id)).map((o) => o.name);
  const facts: [string, ReactNode][] = [
    [
      "Email",
      <span key="email" className="break-all">
        {user.email}
      </span>
    ],
    ["Role", roleLabel(user.role)],
    [
      "State",
      <Badge key="state" tone={STATUS_TONES[user.status]}>
        {STATUS_LABELS[user.status]}
      </Badge>
    ],
    ["Offices", officeNames.join(", ") || "—"],
    ["Sign-in", user.hasPassword ? "Password set" : user.status === "invited" ? "Invitation pending" : "No password (needs a link)"],
    ["Last sign-in", <LocalDate key="last" iso={user.lastSignInAt} />]
  ];
  return (
    <div className="space-y-6">
      <Panel className="p-6">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="text-base font-semibold">
            Details
          </h2>
          <dl className="mt-4 grid gap-4 sm:grid-cols-3">
            {facts.map(([term, value]) => (
              <div key={term}>
                <dt className="text-sm text-slate-600 dark:text-slate-400">{term}</dt>
                <dd className="mt-0.5 font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </Panel>
      {can.edit || can.link ? (
        <Panel className="space-y-6 p-6">
          {can.edit ? (
            <section aria-labelledby="edit-heading" className="space-y-3">
              <h2 id="edit-heading" className="text-base font-semibold">
                Change
              </h2>
              <UserEditForm user={initial} roles={can.roles} offices={offices} seq={seq} />
            </section>
          ) : null}
          <section aria-labelledby="access-heading" className="space-y-3">
            <h2 id="access-heading" className="text-base font-semibold">
              Access
            </h2>
            <UserAccessActions user={user} canChangeStatus={can.status} canSendLink={can.link} />
          </section>
        </Panel>
      ) : null}
      {tickets ? (
        <Panel className="p-6">
          <section aria-labelledby="tickets-heading" className="space-y-3">
            <h2 id="tickets-heading" className="text-base font-semibold">
              Tickets of {user.name}
            </h2>
            {tickets.rows.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">No tickets you can see.</p>
            ) : (
              <ul aria-label={`Tickets of ${user.name}`} className="divide-y divide-slate-200 dark:divide-slate-800">
                {tickets.rows.map((t) => (
                  <li key={t.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                    <Link href={`/tickets/${t.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                      {t.publicId} {t.subject}
                    </Link>
                    <LocalDate iso={t.updatedAt} />
                  </li>
                ))}
              </ul>
            )}
            {tickets.total > tickets.rows.length ? (
              <Link href={`/tickets?customer=${user.id}`} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
                All {tickets.total} tickets
              </Link>
            ) : null}
          </section>
        </Panel>
      ) : null}
    </div>
  );
}
