import Link from "next/link";
import type { TicketView } from "@switchboard/contracts";
import { LocalDate } from "@/components/ui/local-date";
import type { CallSummary } from "../server/load-call";
import { SlaCountdown } from "./sla-countdown";
import { PriorityBadge, StatusBadge } from "./ticket-badges";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 py-1.5">
      <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** The ticket's facts; staff also see priority, office, assignee, SLA and the linked call. */
export function TicketFacts({ ticket, call }: { ticket: TicketView; call: CallSummary | null }) {
  return (
    <dl aria-label="Ticket details" className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      <Fact term="Status">
        <StatusBadge status={ticket.status} />
      </Fact>
      {ticket.view === "staff" ? (
        <>
          <Fact term="Priority">
            <PriorityBadge priority={ticket.priority} />
          </Fact>
          <Fact term="Assignee">{ticket.assigneeName ?? "Unassigned"}</Fact>
          <Fact term="Office">{ticket.officeName ?? "No office"}</Fact>
          <Fact term="SLA due">
            <span className="flex flex-col items-end gap-0.5">
              <SlaCountdown ticket={ticket} />
              <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                <LocalDate iso={ticket.slaDueAt} />
              </span>
            </span>
          </Fact>
          <Fact term="Customer">{ticket.customerName}</Fact>
          {ticket.createdById !== ticket.customerId ? <Fact term="Opened by">{ticket.createdByName}</Fact> : null}
          {ticket.callId ? (
            <Fact term="Linked call">
              {call ? (
                <Link href={`/calls/${call.id}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
                  {call.fromName ? `${call.fromName} · ` : ""}
                  {call.fromNumber} → {call.toNumber}, <LocalDate iso={call.startedAt} />
                </Link>
              ) : (
                "A call (details not available)"
              )}
            </Fact>
          ) : null}
        </>
      ) : null}
      <Fact term="Category">{ticket.category ?? "—"}</Fact>
      <Fact term="Opened">
        <LocalDate iso={ticket.createdAt} />
      </Fact>
      <Fact term="Last update">
        <LocalDate iso={ticket.updatedAt} />
      </Fact>
    </dl>
  );
}
