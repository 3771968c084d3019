"use client";

import { clsx } from "clsx";
import { useId, type ReactNode } from "react";
import { formatDuration, partyLabel } from "@/features/calls/call-format";
import type { QueueFigures } from "../wallboard-figures";
import { LiveSince } from "./live-since";
import { AlarmIcon } from "./state-icons";

/**
 * One figure of a tile, a group named by its label ("Abandoned today: 1" to a screen reader): the
 * visible label names the group and is not read again as its content.
 */
function Figure({ label, children, alarm, tv }: { label: string; children: ReactNode; alarm?: ReactNode; tv: boolean }) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={clsx("rounded-md p-2", alarm ? "bg-red-50 text-red-900 ring-2 ring-red-600 dark:bg-red-950 dark:text-red-100" : undefined)}
    >
      <div
        id={id}
        aria-hidden="true"
        className={clsx("text-slate-600 dark:text-slate-400", tv ? "text-[1.4vw] leading-tight" : "text-xs", alarm && "text-red-900 dark:text-red-100")}
      >
        {label}
      </div>
      <div className={clsx("font-semibold tabular-nums", tv ? "text-[2.6vw] leading-none" : "text-2xl")}>{children}</div>
      {alarm}
    </div>
  );
}

function Alarm({ kind, children, tv }: { kind: "wait" | "service_level"; children: ReactNode; tv: boolean }) {
  return (
    <p className={clsx("mt-1 flex items-center gap-1 font-semibold", tv ? "text-[1.2vw]" : "text-xs")}>
      <AlarmIcon kind={kind} className={tv ? "size-[1.4vw]" : "size-4"} />
      {children}
    </p>
  );
}

/**
 * A queue at a glance: who waits and for how long (ticking), today's answered, abandoned and
 * service level, and its agents. Past a threshold a figure turns red, gains a ring and a warning
 * sign with words, and the tile's border turns thick and dashed: never colour alone.
 */
export function QueueTile({ figures, tv }: { figures: QueueFigures; tv: boolean }) {
  const { queue, waiting, counts, serviceLevel, agents } = figures;
  const alarmed = figures.waitAlarm || figures.serviceLevelAlarm;
  const shown = tv ? waiting.slice(0, 2) : waiting.slice(0, 5);
  return (
    <section
      aria-label={`Queue ${queue.name}`}
      className={clsx(
        "rounded-lg bg-white p-3 shadow-sm dark:bg-slate-900",
        alarmed ? "border-4 border-dashed border-red-600" : "border-2 border-slate-200 dark:border-slate-700",
        tv && "min-h-0"
      )}
    >
      <h2 className={clsx("flex items-baseline gap-2 font-semibold", tv ? "text-[2.2vw]" : "text-lg")}>
        {queue.name}
        {queue.number ? (
          <span className={clsx("font-normal text-slate-600 dark:text-slate-400", tv ? "text-[1.4vw]" : "text-sm")}>({queue.number})</span>
        ) : null}
      </h2>
      <div className={clsx("mt-2 grid grid-cols-3", tv ? "gap-[0.6vw]" : "gap-2")}>
        <Figure label="Waiting" tv={tv}>
          {waiting.length}
        </Figure>
        <Figure
          label="Longest wait"
          tv={tv}
          alarm={figures.waitAlarm ? <Alarm kind="wait" tv={tv}>{`Over the ${queue.serviceLevelSeconds} s service level`}</Alarm> : null}
        >
          {figures.longestWaitSince ? <LiveSince since={figures.longestWaitSince} label={`Longest wait in ${queue.name}`} /> : "—"}
        </Figure>
        <Figure
          label="Service level today"
          tv={tv}
          alarm={figures.serviceLevelAlarm ? <Alarm kind="service_level" tv={tv}>{`Below the ${queue.serviceLevelTarget}% target`}</Alarm> : null}
        >
          {serviceLevel === null ? "—" : `${serviceLevel}%`}
        </Figure>
        {(
          [
            ["Answered today", counts.answered],
            ["Abandoned today", counts.abandoned],
            ["Average wait", figures.averageWaitSeconds === null ? "—" : formatDuration(figures.averageWaitSeconds)],
            ["Agents available", agents.available],
            ["Agents on a call", agents.busy],
            ["Agents paused", agents.paused]
          ] as const
        ).map(([label, value]) => (
          <Figure key={label} label={label} tv={tv}>
            {value}
          </Figure>
        ))}
      </div>
      {shown.length > 0 ? (
        <ol aria-label={`Callers waiting in ${queue.name}`} className={clsx("mt-3 space-y-1", tv ? "text-[1.4vw]" : "text-sm")}>
          {shown.map((caller) => (
            <li key={caller.id} className="flex justify-between gap-2">
              <span className="truncate">
                {caller.position}. {partyLabel(caller.callerNumber, caller.callerName)}
              </span>
              <LiveSince since={caller.joinedAt} label={`Waiting time of ${caller.callerName ?? caller.callerNumber}`} />
            </li>
          ))}
          {waiting.length > shown.length ? <li className="text-slate-600 dark:text-slate-400">and {waiting.length - shown.length} more</li> : null}
        </ol>
      ) : null}
    </section>
  );
}
