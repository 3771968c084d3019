"use client";

import { useEffect, useMemo, useRef } from "react";
import { ticketTopic, type CannedReplyView, type OfficeView, type TicketDetail } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { Notice, Panel } from "@/components/ui/panel";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { TicketViewers } from "@/features/ticket-presence/components/ticket-viewers";
import { useTicketPresence } from "@/features/ticket-presence/use-ticket-presence";
import { markTicketReadAction } from "../actions/ticket-actions";
import { applyTicketThreadEvents } from "../apply-ticket-events";
import type { CallSummary } from "../server/load-call";
import type { TicketNeighborLinks } from "../server/load-ticket-neighbors";
import type { MentionCandidate } from "../mention-query";
import { ReplyComposer, type ComposerHandle } from "./reply-composer";
import { TicketShortcuts } from "./ticket-shortcuts";
import { StatusBadge } from "./ticket-badges";
import { TicketActivity } from "./ticket-activity";
import { TicketControls } from "./ticket-controls";
import { TicketConversation } from "./ticket-conversation";
import { TicketFacts } from "./ticket-facts";

export interface TicketThreadViewProps {
  viewerId: string;
  viewerName: string;
  staffView: boolean;
  canChangeOffice: boolean;
  seq: number;
  detail: TicketDetail;
  offices: OfficeView[];
  staff: UserOption[];
  call: CallSummary | null;
  mentionables: MentionCandidate[];
  cannedReplies: CannedReplyView[];
  neighbors: TicketNeighborLinks;
}

/** One ticket, live: replies, notes, changes and activity appear as they are committed. */
export function TicketThreadView(props: TicketThreadViewProps) {
  const { viewerId, viewerName, staffView, canChangeOffice, seq, detail, offices, staff, call, mentionables, cannedReplies, neighbors } = props;
  const composer = useRef<ComposerHandle>(null);
  const events = useEventsSince(seq, [ticketTopic(detail.ticket.id)]);
  const thread = useMemo(() => applyTicketThreadEvents(detail, events, staffView), [detail, events, staffView]);
  const { ticket } = thread;
  // Collision detection is staff-only by policy: customers neither see viewers nor appear as one.
  const presence = useTicketPresence(ticket.id, viewerId, { enabled: staffView });
  // Shown to a staff member, the customer's replies are read: on opening, and as each new one
  // arrives. From the browser, not the page render: a prefetched page is not an opened one.
  const customerReplies = thread.replies.filter((r) => !r.authorIsStaff).length;
  useEffect(() => {
    if (staffView) void markTicketReadAction(ticket.id);
  }, [staffView, customerReplies, ticket.id]);

  return (
    <>
      <TicketShortcuts
        staffView={staffView}
        onStart={(mode) => composer.current?.start(mode)}
        assign={staffView && ticket.view === "staff" && ticket.assigneeId !== viewerId ? { ticketId: ticket.id, viewerId, version: ticket.version } : null}
        neighbors={neighbors}
      />
      <div className="mb-6">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{ticket.publicId}</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{ticket.subject}</h1>
          <StatusBadge status={ticket.status} />
        </div>
        {staffView ? (
          <div className="mt-2">
            <TicketViewers others={presence.others} />
          </div>
        ) : null}
      </div>
      {thread.hidden ? (
        <div className="mb-4">
          <Notice tone="warning" title="This ticket moved out of your view" role="alert">
            It was moved to another office or reassigned; you see it as it was. Reload to check whether you still have access.
          </Notice>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-8">
          <TicketConversation
            body={ticket.body}
            customerName={ticket.customerName}
            createdAt={ticket.createdAt}
            attachments={ticket.attachments}
            replies={thread.replies}
          />
          <Panel className="p-4">
            <ReplyComposer
              ticketId={ticket.id}
              viewerId={viewerId}
              staffView={staffView}
              closed={ticket.status === "closed"}
              replies={thread.replies}
              onDraftChange={(text) => (text.trim() ? presence.notifyTyping() : presence.stopTyping())}
              onDraftBlur={presence.stopTyping}
              ref={composer}
              mentionables={mentionables}
              cannedReplies={cannedReplies}
              cannedValues={{
                "customer.name": ticket.customerName,
                "ticket.number": ticket.publicId,
                "ticket.subject": ticket.subject,
                "agent.name": viewerName
              }}
            />
          </Panel>
        </div>
        <aside className="space-y-6" aria-label="Ticket sidebar">
          <Panel className="p-4">
            <TicketFacts ticket={ticket} call={call} />
          </Panel>
          {staffView && detail.ticket.view === "staff" ? (
            <Panel className="p-4">
              <h2 className="mb-3 text-lg font-semibold">Update ticket</h2>
              <TicketControls key={ticket.id} ticket={detail.ticket} seq={seq} offices={offices} staff={staff} canChangeOffice={canChangeOffice} />
            </Panel>
          ) : null}
          <Panel className="p-4">
            <TicketActivity activity={thread.activity} />
          </Panel>
        </aside>
      </div>
    </>
  );
}
