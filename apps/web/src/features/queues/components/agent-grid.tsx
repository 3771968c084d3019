"use client";

import { clsx } from "clsx";
import type { PauseReasonView } from "@switchboard/contracts";
import { agentStateLabel, type AgentRow } from "../wallboard-figures";
import { AgentActions } from "./agent-actions";
import { LiveSince } from "./live-since";
import { AGENT_STATE_TONES, AgentStateIcon } from "./state-icons";

interface AgentGridProps {
  rows: readonly AgentRow[];
  tv: boolean;
  /** Supervisors' controls per agent (never in TV mode). */
  controls: { pauseReasons: readonly PauseReasonView[] } | null;
  /** TV mode shows this many agents (so nothing scrolls) and counts the rest. */
  maxRows?: number;
}

/** For a screen across the room: agents as large cards, three across, the busiest first. */
function TvAgentCards({ rows, maxRows }: { rows: readonly AgentRow[]; maxRows: number }) {
  const shown = rows.slice(0, maxRows);
  return (
    <section aria-label="Agents" className="flex h-full min-h-0 flex-col">
      <h2 className="pb-[0.4vw] text-[1.8vw] font-semibold">Agents</h2>
      <ul className="grid min-h-0 grid-cols-3 content-start gap-[0.6vw]">
        {shown.map((row) => (
          <li key={row.extensionId} className="rounded-md border border-slate-200 p-[0.5vw] dark:border-slate-700">
            <p className="flex items-baseline gap-[0.4vw] text-[1.3vw]">
              <span className="truncate font-semibold">{row.name}</span>
              <LiveSince
                since={row.since}
                label={`Time ${row.name} has been ${agentStateLabel(row.state, row.pauseReason)}`}
                className="ml-auto font-mono text-[1.2vw] tabular-nums"
              />
            </p>
            <p className={clsx("flex items-center gap-[0.4vw] text-[1.2vw] leading-tight font-medium", AGENT_STATE_TONES[row.state])}>
              <AgentStateIcon state={row.state} className="size-[1.2vw] shrink-0" />
              {agentStateLabel(row.state, row.pauseReason)}
            </p>
          </li>
        ))}
      </ul>
      {rows.length > shown.length ? <p className="text-[1.2vw] text-slate-600 dark:text-slate-400">and {rows.length - shown.length} more agents</p> : null}
    </section>
  );
}

/** Every agent of the queues: state (shape and words), time in it (ticking), pause reason, queues. */
export function AgentGrid({ rows, tv, controls, maxRows }: AgentGridProps) {
  if (tv) return <TvAgentCards rows={rows} maxRows={maxRows ?? 12} />;
  const cell = "px-3 py-2";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-3 pb-2 text-left text-lg font-semibold">Agents</caption>
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {["Agent", "State", "Time in state", "Queues", ...(controls ? ["Actions"] : [])].map((h) => (
              <th key={h} scope="col" className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.extensionId}>
              <th scope="row" className={clsx(cell, "font-medium")}>
                {row.name} <span className="font-normal text-slate-600 dark:text-slate-400">({row.number})</span>
              </th>
              <td className={cell}>
                <span className={clsx("inline-flex items-center gap-1.5 font-medium", AGENT_STATE_TONES[row.state])}>
                  <AgentStateIcon state={row.state} />
                  {agentStateLabel(row.state, row.pauseReason)}
                </span>
              </td>
              <td className={cell}>
                <LiveSince since={row.since} label={`Time ${row.name} has been ${agentStateLabel(row.state, row.pauseReason)}`} />
              </td>
              <td className={clsx(cell, "text-slate-600 dark:text-slate-400")}>{row.queues.join(", ")}</td>
              {controls ? (
                <td className={cell}>
                  <AgentActions
                    extensionId={row.extensionId}
                    name={row.name}
                    signedIn={row.signedIn}
                    paused={row.paused}
                    pauseReasons={controls.pauseReasons}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="px-3 pb-3 text-sm text-slate-600 dark:text-slate-400">No agents are members of a queue yet.</p> : null}
    </div>
  );
}
