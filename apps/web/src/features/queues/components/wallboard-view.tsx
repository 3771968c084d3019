"use client";

import { clsx } from "clsx";
import { useMemo } from "react";
import type { WallboardSnapshot } from "@switchboard/contracts";
import { Panel } from "@/components/ui/panel";
import { useClockOffset } from "@/features/calls/clock-offset";
import { ClockOffsetContext, useServerNow } from "@/features/calls/components/live-duration";
import { useLivePauseReasons } from "../use-pause-reasons";
import { useWallboard } from "../use-wallboard";
import { agentRows, chartSeries, queueFigures } from "../wallboard-figures";
import { AgentGrid } from "./agent-grid";
import { QueueTile } from "./queue-tile";
import { WallboardChart } from "./wallboard-chart";

export interface WallboardViewProps {
  data: WallboardSnapshot & { serverTime: string };
  /** Supervisors and admins pause, resume and sign agents out from the grid (never in TV mode). */
  canControlAgents: boolean;
  tv: boolean;
}

const TV_AGENT_ROWS = 12;

function WallboardBody({ data, canControlAgents, tv }: WallboardViewProps) {
  const { snapshot, state } = useWallboard(data);
  const now = useServerNow() ?? Date.parse(data.serverTime);
  const figures = useMemo(() => queueFigures(state, now), [state, now]);
  const agents = useMemo(() => agentRows(state.queues, now), [state.queues, now]);
  const points = useMemo(() => chartSeries(state, snapshot.dayStart, now), [state, snapshot.dayStart, now]);
  const waiting = state.waiting.length;
  const pauseReasons = useLivePauseReasons(snapshot.pauseReasons, snapshot.seq);
  const controls = canControlAgents && !tv ? { pauseReasons } : null;

  return (
    <div className={clsx(tv ? "grid h-full min-h-0 grid-rows-[auto_minmax(0,1fr)] gap-[1vw]" : "space-y-6")}>
      <p className="sr-only" role="status">
        {waiting === 1 ? "1 caller waiting" : `${waiting} callers waiting`}
      </p>
      {state.queues.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No queues yet. Admins add them under Queues; queues the PBX reports appear on their own.</p>
      ) : (
        <div
          className={clsx("grid", tv ? "gap-[1vw]" : "grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3")}
          style={tv ? { gridTemplateColumns: `repeat(${Math.min(figures.length, 4)}, minmax(0, 1fr))` } : undefined}
        >
          {figures.map((f) => (
            <QueueTile key={f.queue.id} figures={f} tv={tv} />
          ))}
        </div>
      )}
      <div className={clsx(tv ? "grid min-h-0 grid-cols-2 gap-[1vw]" : "grid grid-cols-1 gap-6 xl:grid-cols-2")}>
        <Panel className={clsx(tv && "min-h-0 overflow-hidden p-[0.8vw]")}>
          <AgentGrid rows={agents} tv={tv} controls={controls} maxRows={tv ? TV_AGENT_ROWS : undefined} />
        </Panel>
        <Panel className={clsx(tv && "min-h-0 overflow-hidden p-[0.8vw]")}>
          <WallboardChart points={points} tv={tv} />
        </Panel>
      </div>
    </div>
  );
}

/** The live wallboard: queue tiles, the agent grid and today's chart, on the server's clock. */
export function WallboardView(props: WallboardViewProps) {
  const offset = useClockOffset(props.data.serverTime);
  return (
    <ClockOffsetContext.Provider value={offset}>
      <WallboardBody {...props} />
    </ClockOffsetContext.Provider>
  );
}
