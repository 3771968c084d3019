"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { OfficeView, Page, UserView } from "@switchboard/contracts";
import { PageLinks } from "@/components/data-table/page-links";
import { PlainTable } from "@/components/data-table/plain-table";
import { LocalDate } from "@/components/ui/local-date";
import { Badge } from "@/components/ui/panel";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { roleLabel } from "@/features/shell/role-label";
import { applyUserEvents, USER_TOPICS, type UserFilter } from "../apply-user-events";
import { STATUS_LABELS, STATUS_TONES } from "../user-labels";

interface UsersViewProps {
  seq: number;
  users: Page<UserView>;
  offices: OfficeView[];
  filter: UserFilter;
  /** Query string of the filters, kept by the paging links. */
  filterQuery: string;
}

const HEADERS = ["Name", "Email", "Role", "Offices", "State", "Last sign-in"];

/** The team, live: anyone's change (a role, an office, a deactivation) patches the table as it happens. */
export function UsersView({ seq, users, offices, filter, filterQuery }: UsersViewProps) {
  const events = useEventsSince(seq, USER_TOPICS);
  const rows = useMemo(() => applyUserEvents(users.data, events, filter, users.page === 1), [users, events, filter]);
  const officeNames = new Map(offices.map((o) => [o.id, o.name]));
  const pageCount = Math.max(1, Math.ceil(users.total / users.pageSize));
  const pageHref = (page: number) => `/users?${filterQuery}${filterQuery ? "&" : ""}page=${page}`;
  return (
    <>
      <PlainTable caption="Users" headers={HEADERS} empty={rows.length === 0 ? <span className="font-medium">Nobody matches these filters.</span> : null}>
        {rows.map((user) => (
          <tr key={user.id}>
            <th scope="row" className="px-3 py-2.5 text-left font-semibold">
              <Link href={`/users/${user.id}`} className="text-brand-700 hover:underline dark:text-brand-300">
                {user.name}
              </Link>
            </th>
            <td className="px-3 py-2.5 break-all">{user.email}</td>
            <td className="px-3 py-2.5">{roleLabel(user.role)}</td>
            <td className="px-3 py-2.5">{user.officeIds.map((id) => officeNames.get(id) ?? "—").join(", ") || "—"}</td>
            <td className="px-3 py-2.5">
              <Badge tone={STATUS_TONES[user.status]}>{STATUS_LABELS[user.status]}</Badge>
            </td>
            <td className="px-3 py-2.5">
              <LocalDate iso={user.lastSignInAt} />
            </td>
          </tr>
        ))}
      </PlainTable>
      <PageLinks page={users.page} pageCount={pageCount} href={pageHref} />
    </>
  );
}
