"use client";

import type { DomainEvent } from "@switchboard/contracts";
import { touchesKinds } from "@/features/realtime/apply-entity-events";
import { refreshDashboardCountsAction } from "../actions/dashboard-actions";
import type { DashboardCounts as Counts } from "../server/load-dashboard";
import { useRefreshedSnapshot } from "../use-refreshed-snapshot";
import { FigureCard } from "./figure-card";

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

const affectsCounts = (events: readonly DomainEvent[]) => touchesKinds(events, ["extension", "trunk"]);

/** PBX counts; re-read (debounced) whenever an extension or trunk event arrives. */
export function DashboardCounts({ initial }: { initial: Snapshot }) {
  const current = useRefreshedSnapshot(initial, affectsCounts, refreshDashboardCountsAction, 300);

  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        Phone system at a glance
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CARDS.map((card) => (
          <FigureCard key={card.key} label={card.label} value={current.counts[card.key]} testId={`count-${card.key}`} detail={card.detail?.(current.counts)} />
        ))}
      </dl>
    </section>
  );
}
