"use client";

import type { DomainEvent } from "@switchboard/contracts";
import { TICKET_TOPICS } from "@/features/tickets/apply-ticket-events";
import { refreshTicketFiguresAction } from "../actions/dashboard-actions";
import type { TicketFigures as Figures } from "../server/load-ticket-figures";
import { useRefreshedSnapshot } from "@/features/realtime/use-refreshed-snapshot";
import { FigureCard } from "./figure-card";

const affectsTickets = (events: readonly DomainEvent[]) => events.some((e) => e.type.startsWith("ticket."));

/** Open tickets (all the viewer may see, and their own), each linking to the ticket list so filtered. */
export function TicketFigures({ initial }: { initial: { seq: number; figures: Figures } }) {
  const { figures } = useRefreshedSnapshot(initial, TICKET_TOPICS, affectsTickets, refreshTicketFiguresAction, 300);
  return (
    <section aria-labelledby="tickets-heading" className="space-y-4">
      <h2 id="tickets-heading" className="text-lg font-semibold">
        Tickets
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard label="Open tickets" value={figures.open} testId="count-openTickets" href="/tickets?status=open" />
        <FigureCard label="Open, assigned to you" value={figures.mineOpen} testId="count-myOpenTickets" href="/tickets?status=open&mine=true" />
      </dl>
    </section>
  );
}
