"use client";

import { useMemo } from "react";
import type { CallView } from "@switchboard/contracts";
import { Notice, Panel } from "@/components/ui/panel";
import { CallActionsMenu } from "@/features/call-control/components/call-actions-menu";
import { useCallCommands } from "@/features/call-control/use-call-commands";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { applyCallEvents, CALL_TOPICS } from "../live-calls";
import type { CallBoardData, RecentParams } from "../server/load-calls";
import { ActiveCallsTable } from "./active-calls-table";
import { callNames } from "./call-cells";
import { useClockOffset } from "../clock-offset";
import { ClockOffsetContext } from "./live-duration";
import { RecentCallsFilters } from "./recent-calls-filters";
import { RecentCallsTable, RecentPager } from "./recent-calls-table";

interface CallsBoardProps {
  data: CallBoardData;
  params: RecentParams;
  pageSize: number;
  /** canControlCalls(viewer): hang up and transfer from the board. */
  canControl: boolean;
}

function hrefFor(params: RecentParams, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== "page") search.set(key, value);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `/calls?${query}` : "/calls";
}

/** The live board: calls in progress on top, recent calls below, both patched by call events. */
export function CallsBoard({ data, params, pageSize, canControl }: CallsBoardProps) {
  const events = useEventsSince(data.seq, CALL_TOPICS);
  const board = useMemo(
    () => applyCallEvents({ active: data.active, recent: data.recent, recentTotal: data.recentTotal }, events, data.recentFilter, pageSize),
    [data, events, pageSize]
  );
  const names = useMemo(() => callNames(data.directory), [data.directory]);
  const offset = useClockOffset(data.serverTime);
  const commands = useCallCommands();
  const targets = data.directory.extensions;
  const actions = (call: CallView) => <CallActionsMenu call={call} canControl={canControl} commands={commands} targets={targets} />;
  const filtered = Object.entries(params).some(([key, value]) => key !== "page" && value);

  return (
    <ClockOffsetContext.Provider value={offset}>
      <div className="space-y-5">
        <section aria-labelledby="active-calls-heading">
          <h2 id="active-calls-heading" className="mb-2 text-lg font-semibold">
            Active calls{" "}
            <span aria-hidden="true" className="text-sm font-normal text-slate-600 dark:text-slate-400">
              ({board.active.length})
            </span>
          </h2>
          {/* Announced politely as calls come and go; the table itself is not a live region (durations tick). */}
          <p className="sr-only" role="status">
            {board.active.length === 1 ? "1 call in progress" : `${board.active.length} calls in progress`}
          </p>
          <Panel>
            <ActiveCallsTable calls={board.active} names={names} actions={actions} />
          </Panel>
        </section>
        <section aria-labelledby="recent-calls-heading">
          <h2 id="recent-calls-heading" className="mb-2 text-lg font-semibold">
            Recent calls
          </h2>
          <Panel>
            <RecentCallsFilters params={params} extensions={data.directory.extensions} timeZone={data.timeZone} />
            {data.recentError ? (
              <div className="p-3">
                <Notice tone="error" title="These filters could not be applied" role="alert">
                  {data.recentError}
                </Notice>
              </div>
            ) : (
              <>
                <RecentCallsTable calls={board.recent} actions={actions} names={names} filtered={filtered} page={data.page} />
                <RecentPager page={data.page} pageSize={pageSize} total={board.recentTotal} hrefFor={(page) => hrefFor(params, page)} />
              </>
            )}
          </Panel>
        </section>
      </div>
    </ClockOffsetContext.Provider>
  );
}
