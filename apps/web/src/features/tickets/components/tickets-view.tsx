"use client";

import { useMemo } from "react";
import type { OfficeView, TicketView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { ButtonLink } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { TicketRowViewers } from "@/features/ticket-presence/components/ticket-row-viewers";
import { useTicketListViewers } from "@/features/ticket-presence/use-ticket-list-viewers";
import { applyTicketListEvents, sortByUpdated, TICKET_TOPICS, unreadTicketIds } from "../apply-ticket-events";
import { pageAccepts, ticketListHref, type TicketListParams } from "../ticket-list-params";
import type { SavedViewCounts } from "../ticket-saved-views";
import { SavedViews } from "./saved-views";
import { TicketFilters } from "./ticket-filters";
import { TicketListShortcuts } from "./ticket-list-shortcuts";
import { TicketTable } from "./ticket-table";

interface TicketsViewProps {
  viewerId: string;
  staffView: boolean;
  params: TicketListParams;
  rows: TicketView[];
  /** Tickets with a customer reply this viewer has not opened since (staff only). */
  unreadIds: string[];
  total: number;
  seq: number;
  offices: OfficeView[];
  staff: UserOption[];
  /** Tickets in each saved view when the page loaded (staff only). */
  viewCounts: SavedViewCounts | null;
}

/** The server's page of tickets, kept current: changed rows update in place, new ones appear on top. */
export function TicketsView({ viewerId, staffView, params, rows: initialRows, unreadIds, total, seq, offices, staff, viewCounts }: TicketsViewProps) {
  const events = useEventsSince(seq, TICKET_TOPICS);
  const rows = useMemo(() => {
    const applied = applyTicketListEvents(initialRows, events, (t) => pageAccepts(params, viewerId, t));
    return params.sort === "updatedAt" ? sortByUpdated(applied, params.dir) : applied;
  }, [initialRows, events, params, viewerId]);
  const unread = useMemo(() => (staffView ? unreadTicketIds(unreadIds, events) : new Set<string>()), [staffView, unreadIds, events]);
  const added = rows.filter((row) => !initialRows.some((initial) => initial.id === row.id)).length;
  const removed = initialRows.filter((initial) => !rows.some((row) => row.id === initial.id)).length;
  const { viewersOf } = useTicketListViewers(
    rows.map((row) => row.id),
    viewerId,
    { enabled: staffView }
  );
  const filtered = ticketListHref({ ...params, page: 1, sort: "updatedAt", dir: "desc", pageSize: 25 }) !== "/tickets";

  const empty = filtered ? (
    <p className="font-medium">No tickets match your search or filters.</p>
  ) : (
    <div className="space-y-3">
      <p className="font-medium">No tickets yet.</p>
      <ButtonLink href="/tickets/new">New ticket</ButtonLink>
    </div>
  );

  return (
    <Panel>
      <TicketListShortcuts />
      {staffView && viewCounts ? <SavedViews params={params} initial={viewCounts} /> : null}
      <TicketFilters params={params} staffView={staffView} offices={offices} staff={staff} />
      <TicketTable
        rows={rows}
        total={Math.max(0, total + added - removed)}
        params={params}
        staffView={staffView}
        unread={unread}
        onTicket={staffView ? (ticket) => <TicketRowViewers viewers={viewersOf(ticket.id)} /> : undefined}
        empty={empty}
      />
    </Panel>
  );
}
