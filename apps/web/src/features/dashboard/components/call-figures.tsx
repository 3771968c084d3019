"use client";

import { useEffect, useState } from "react";
import type { DomainEvent } from "@switchboard/contracts";
import { Panel } from "@/components/ui/panel";
import { useRealtimeContext, useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import { refreshCallFiguresAction } from "../actions/dashboard-actions";
import type { CallFiguresSnapshot } from "../server/load-call-figures";

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
  const { client } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  const [fetched, setFetched] = useState<CallFiguresSnapshot | null>(null);
  const current = fetched && fetched.seq > initial.seq ? fetched : initial;

  useEffect(() => {
    if (!client) return;
    const events = client.buffer.since(current.seq);
    if (events && !affectsFigures(events)) return;
    const timer = setTimeout(async () => {
      const result = await refreshCallFiguresAction();
      if (result.ok) setFetched(result.data);
    }, 250);
    return () => clearTimeout(timer);
  }, [client, version, current.seq]);

  const { figures } = current;
  return (
    <section aria-labelledby="calls-heading" className="space-y-4">
      <h2 id="calls-heading" className="text-lg font-semibold">
        Calls <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(today, UTC)</span>
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CARDS.map((card) => (
          <Panel key={card.key} className="p-5">
            <div className="flex flex-col-reverse gap-1">
              <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{card.label}</dt>
              <dd className="text-3xl font-semibold tabular-nums" data-testid={`count-${card.key}`}>
                {figures[card.key]}
              </dd>
            </div>
          </Panel>
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
