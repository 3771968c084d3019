"use client";

import { useEffect, useState } from "react";
import { Panel } from "@/components/ui/panel";
import { touchesKinds } from "@/features/realtime/apply-entity-events";
import { useRealtimeContext, useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import { refreshDashboardCountsAction } from "../actions/dashboard-actions";
import type { DashboardCounts as Counts } from "../server/load-dashboard";

interface Snapshot {
  seq: number;
  counts: Counts;
}

const CARDS: { key: keyof Counts; label: string; detail?: (c: Counts) => string }[] = [
  { key: "extensions", label: "Extensions", detail: (c) => `${c.extensions - c.enabledExtensions} disabled` },
  { key: "enabledExtensions", label: "Enabled extensions", detail: (c) => `of ${c.extensions}` },
  { key: "trunks", label: "Trunks", detail: (c) => `${c.enabledTrunks} enabled` },
  { key: "users", label: "Users" }
];

/** PBX counts; re-read (debounced) whenever an extension or trunk event arrives. */
export function DashboardCounts({ initial }: { initial: Snapshot }) {
  const { client } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  const [fetched, setFetched] = useState<Snapshot | null>(null);
  const current = fetched && fetched.seq > initial.seq ? fetched : initial;

  useEffect(() => {
    if (!client) return;
    const events = client.buffer.since(current.seq);
    if (events && !touchesKinds(events, ["extension", "trunk"])) return;
    const timer = setTimeout(async () => {
      const result = await refreshDashboardCountsAction();
      if (result.ok) setFetched(result.data);
    }, 300);
    return () => clearTimeout(timer);
  }, [client, version, current.seq]);

  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        Phone system at a glance
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CARDS.map((card) => (
          <Panel key={card.key} className="p-5">
            <div className="flex flex-col-reverse gap-1">
              <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{card.label}</dt>
              <dd className="text-3xl font-semibold tabular-nums" data-testid={`count-${card.key}`}>
                {current.counts[card.key]}
              </dd>
            </div>
            {card.detail ? <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{card.detail(current.counts)}</p> : null}
          </Panel>
        ))}
      </dl>
    </section>
  );
}
