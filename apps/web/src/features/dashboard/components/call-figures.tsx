"use client";

import type { DomainEvent } from "@switchboard/contracts";
import { Panel } from "@/components/ui/panel";
import { refreshCallFiguresAction } from "../actions/dashboard-actions";
import type { CallFiguresSnapshot } from "../server/load-call-figures";
import { useRefreshedSnapshot } from "../use-refreshed-snapshot";
import { FigureCard } from "./figure-card";

const CARDS = [
  { key: "activeCalls", label: "Active calls" },
  { key: "callsToday", label: "Calls today" },
  { key: "answeredToday", label: "Answered today" },
  { key: "missedToday", label: "Missed today" }
] as const;

/** Calls change the figures; trunk changes (new trunk, more channels) change the usage list. */
const affectsFigures = (events: readonly DomainEvent[]) => events.some((e) => e.type.startsWith("call.") || e.type.startsWith("trunk."));

/** Today's calls and channel usage per trunk; re-read (debounced) when a call or trunk event arrives. */
export function CallFigures({ initial }: { initial: CallFiguresSnapshot }) {
  const { figures } = useRefreshedSnapshot(initial, affectsFigures, refreshCallFiguresAction, 250);
  return (
    <section aria-labelledby="calls-heading" className="space-y-4">
      <h2 id="calls-heading" className="text-lg font-semibold">
        Calls <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(today, {initial.timeZone.replace(/_/g, " ")})</span>
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CARDS.map((card) => (
          <FigureCard key={card.key} label={card.label} value={figures[card.key]} testId={`count-${card.key}`} />
        ))}
      </dl>
      <Panel className="p-5">
        <h3 id="trunk-usage-heading" className="text-base font-semibold">
          Channels in use per trunk
        </h3>
        {figures.trunks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No trunks configured.</p>
        ) : (
          <ul aria-labelledby="trunk-usage-heading" className="mt-3 space-y-3">
            {figures.trunks.map((trunk) => (
              <li key={trunk.trunkId} className="grid grid-cols-[minmax(8rem,1fr)_3fr_auto] items-center gap-3 text-sm">
                <span className="font-medium">{trunk.name}</span>
                <meter
                  min={0}
                  max={Math.max(1, trunk.maxChannels)}
                  high={Math.max(1, trunk.maxChannels) * 0.8}
                  value={trunk.inUse}
                  aria-label={`${trunk.name} channels in use`}
                  className="h-3 w-full"
                />
                <span className="tabular-nums">
                  {trunk.inUse} of {trunk.maxChannels}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </section>
  );
}
