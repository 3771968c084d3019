"use client";

import { useMemo } from "react";
import type { CallTimelineEntry, CallView } from "@switchboard/contracts";
import type { CallDirectoryEntry } from "@switchboard/contracts";
import { Panel } from "@/components/ui/panel";
import { CallControls } from "@/features/call-control/components/call-controls";
import type { TransferTarget } from "@/features/call-control/transfer-targets";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { CALL_DIRECTION_LABELS, formatDuration } from "../call-format";
import { applyCallDetailEvents } from "../live-call-detail";
import { CALL_TOPICS } from "../live-calls";
import { Dash, Party } from "./call-cells";
import { CallTime } from "./call-time";
import { CallResultBadge, CallStateBadge } from "./call-state-badge";
import { LiveDuration, LiveHoldTime } from "./live-duration";

const TIMELINE_LABELS: Record<CallTimelineEntry["kind"], string> = {
  started: "Started",
  ringing: "Ringing",
  answered: "Answered",
  held: "Put on hold",
  resumed: "Resumed",
  transferred: "Transferred",
  ended: "Ended",
  updated: "Updated"
};

interface CallDetailViewProps {
  seq: number;
  call: CallView;
  timeline: CallTimelineEntry[];
  extensions: CallDirectoryEntry[];
  trunkName: string | null;
  canControl: boolean;
  /** Where the call can be transferred (empty without canControl). */
  targets: readonly TransferTarget[];
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

/** A call's facts and its timeline, growing live while the call goes on. */
export function CallDetailView({ seq, call: initialCall, timeline: initialTimeline, extensions, trunkName, canControl, targets }: CallDetailViewProps) {
  const events = useEventsSince(seq, CALL_TOPICS);
  const { call, timeline } = useMemo(() => applyCallDetailEvents(initialCall, initialTimeline, events), [initialCall, initialTimeline, events]);
  const live = call.state !== "ended";
  return (
    <div className="space-y-6">
      {live && canControl ? (
        <Panel className="p-4">
          <CallControls call={call} targets={targets} />
        </Panel>
      ) : null}
      <Panel className="p-5">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact term="From">
            <Party number={call.fromNumber} name={call.fromName} />
          </Fact>
          <Fact term="To">
            <Party number={call.toNumber} name={call.toName} />
          </Fact>
          <Fact term="State">
            <CallStateBadge state={call.state} />
          </Fact>
          <Fact term="Result">{live ? "In progress" : <CallResultBadge result={call.result} />}</Fact>
          <Fact term="Direction">{CALL_DIRECTION_LABELS[call.direction]}</Fact>
          <Fact term="Extensions">
            <Dash value={extensions.map((e) => `${e.number} ${e.displayName}`).join(", ")} />
          </Fact>
          <Fact term="Trunk">
            <Dash value={trunkName} />
          </Fact>
          <Fact term="Queue">
            <Dash value={call.queue} />
          </Fact>
          <Fact term="DID">
            <Dash value={call.did} />
          </Fact>
          <Fact term="Duration">{live ? <LiveDuration call={call} /> : formatDuration(call.durationSeconds ?? 0)}</Fact>
          <Fact term="Talk time">
            {live && call.answeredAt ? (
              <LiveDuration call={{ startedAt: call.answeredAt }} label="Talk time" />
            ) : call.talkSeconds === null ? (
              "—"
            ) : (
              formatDuration(call.talkSeconds)
            )}
          </Fact>
          <Fact term="On hold">{live ? <LiveHoldTime call={call} /> : formatDuration(call.holdSeconds)}</Fact>
          {call.hangupCause ? <Fact term="Hang-up cause">{call.hangupCause}</Fact> : null}
          {call.hungUpBy ? <Fact term="Hung up by">{call.hungUpBy}</Fact> : null}
          {call.transferredTo ? <Fact term="Transferred to">{call.transferredTo}</Fact> : null}
        </dl>
      </Panel>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <Panel className="p-5">
          {timeline.length === 0 ? (
            <p>Nothing recorded for this call yet.</p>
          ) : (
            <ol aria-labelledby="timeline-heading" className="space-y-3">
              {timeline.map((entry) => (
                <li key={entry.id} className="flex flex-wrap items-baseline gap-x-3 border-l-2 border-brand-500 pl-3">
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    <CallTime iso={entry.at} />
                  </span>
                  <span className="font-medium">{TIMELINE_LABELS[entry.kind]}</span>
                  {entry.detail ? <span>{entry.detail}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </section>
    </div>
  );
}
