"use client";

import type { DomainEvent } from "@switchboard/contracts";
import { familiesFor } from "@/features/realtime/topics";
import type { EventFamily } from "@/features/realtime/event-types";
import { Panel } from "@/components/ui/panel";
import { refreshCallFiguresAction } from "../actions/dashboard-actions";
import { callsHref, missedCallsWarning, trunkUsageWarning } from "../figure-warnings";
import type { CallFiguresSnapshot } from "../server/load-call-figures";
import { useRefreshedSnapshot } from "@/features/realtime/use-refreshed-snapshot";
import { FigureCard, WarningIcon } from "./figure-card";

/** Calls change the figures; trunk changes (new trunk, more channels) change the usage list. */
const affectsFigures = (events: readonly DomainEvent[]) => events.some((e) => e.type.startsWith("call.") || e.type.startsWith("trunk."));
const FIGURE_TOPICS = familiesFor<EventFamily<"call"> | EventFamily<"trunk">>()(["calls", "trunks"]);

/**
 * Today's calls (an agent's: their own extension's) and channel usage per trunk; re-read shortly
 * when a call or trunk event arrives. Each figure links to the calls list filtered as it counts.
 */
export function CallFigures({ initial }: { initial: CallFiguresSnapshot }) {
  const { figures, day, extension } = useRefreshedSnapshot(initial, FIGURE_TOPICS, affectsFigures, refreshCallFiguresAction, 250);
  const own = extension !== null;
  return (
    <section aria-labelledby="calls-heading" className="space-y-4">
      <h2 id="calls-heading" className="text-lg font-semibold">
        {own ? `Your calls (extension ${extension})` : "Calls"}{" "}
        <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(today, {initial.timeZone.replace(/_/g, " ")})</span>
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard label="Active calls" value={figures.activeCalls} testId="count-activeCalls" href={callsHref({ extension })} />
        <FigureCard label="Calls today" value={figures.callsToday} testId="count-callsToday" href={callsHref({ day, extension })} />
        <FigureCard
          label="Answered today"
          value={figures.answeredToday}
          testId="count-answeredToday"
          href={callsHref({ result: "answered", day, extension })}
        />
        <FigureCard
          label="Missed today"
          value={figures.missedToday}
          testId="count-missedToday"
          href={callsHref({ result: "missed", day, extension })}
          warning={missedCallsWarning(figures.missedToday, figures.callsToday)}
        />
      </dl>
      <Panel className="p-5">
        <h3 id="trunk-usage-heading" className="text-base font-semibold">
          Channels in use per trunk
        </h3>
        {figures.trunks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No trunks configured.</p>
        ) : (
          <ul aria-labelledby="trunk-usage-heading" className="mt-3 space-y-3">
            {figures.trunks.map((trunk) => {
              const warning = trunkUsageWarning(trunk.inUse, trunk.maxChannels);
              return (
                <li
                  key={trunk.trunkId}
                  className="grid grid-cols-[minmax(6rem,1fr)_2fr_auto] items-center gap-3 text-sm sm:grid-cols-[minmax(8rem,1fr)_3fr_auto]"
                >
                  <span className="min-w-0 truncate font-medium">{trunk.name}</span>
                  <meter
                    min={0}
                    max={Math.max(1, trunk.maxChannels)}
                    high={Math.max(1, trunk.maxChannels) * 0.8}
                    value={trunk.inUse}
                    aria-label={`${trunk.name} channels in use`}
                    className="h-3 w-full min-w-0"
                  />
                  <span className="flex items-center justify-end gap-1.5 tabular-nums">
                    {trunk.inUse} of {trunk.maxChannels}
                    {warning ? (
                      <span className="flex items-center gap-1 font-medium text-amber-800 dark:text-amber-300">
                        <WarningIcon />
                        {warning}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
    </section>
  );
}
