"use client";

import type { DomainEvent } from "@switchboard/contracts";
import { touchesKinds, type EntityChangeType } from "@/features/realtime/apply-entity-events";
import { familiesFor } from "@/features/realtime/topics";
import { refreshDashboardCountsAction } from "../actions/dashboard-actions";
import type { DashboardCounts as Counts } from "../server/load-dashboard";
import { useRefreshedSnapshot } from "@/features/realtime/use-refreshed-snapshot";
import { FigureCard } from "./figure-card";

interface Snapshot {
  seq: number;
  counts: Counts;
}

const CARDS: { key: keyof Counts; label: string; href: string; detail?: (c: Counts) => string }[] = [
  { key: "extensions", label: "Extensions", href: "/extensions", detail: (c) => `${c.extensions - c.enabledExtensions} disabled` },
  { key: "enabledExtensions", label: "Enabled extensions", href: "/extensions", detail: (c) => `of ${c.extensions}` },
  { key: "trunks", label: "Trunks", href: "/trunks", detail: (c) => `${c.enabledTrunks} enabled` },
  { key: "users", label: "Users", href: "/users" }
];

const affectsCounts = (events: readonly DomainEvent[]) => touchesKinds(events, ["extension", "trunk"]);
const COUNT_TOPICS = familiesFor<Extract<EntityChangeType, `extension.${string}` | `trunk.${string}`>>()(["extensions", "trunks"]);

/**
 * PBX counts; re-read shortly after extension or trunk events arrive. `canOpen`: which of the lists
 * behind the figures the viewer may open (the others show without a link).
 */
export function DashboardCounts({ initial, canOpen }: { initial: Snapshot; canOpen: Readonly<Partial<Record<keyof Counts, boolean>>> }) {
  const current = useRefreshedSnapshot(initial, COUNT_TOPICS, affectsCounts, refreshDashboardCountsAction, 300);

  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        Phone system at a glance
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CARDS.map((card) => (
          <FigureCard
            key={card.key}
            label={card.label}
            value={current.counts[card.key]}
            testId={`count-${card.key}`}
            href={canOpen[card.key] ? card.href : undefined}
            detail={card.detail?.(current.counts)}
          />
        ))}
      </dl>
    </section>
  );
}
