"use client";

import { useId } from "react";
import { controlClasses } from "@/components/ui/field";
import type { LampKind } from "@/components/status/lamp";
import { extensionLookOf } from "../extension-presentation";
import type { OperatorCard } from "../operator-card";
import type { ExtensionGroup, PanelFilter } from "../operator-filter";
import { StateIcon } from "./state-icon";

const LEGEND: LampKind[] = ["idle", "ringing", "in_use", "busy", "on_hold", "dnd", "unregistered", "unreachable"];

interface PanelToolbarProps {
  filter: PanelFilter;
  onFilter(filter: PanelFilter): void;
  groups: readonly ExtensionGroup[];
  cards: ReadonlyMap<string, OperatorCard>;
  shown: number;
  total: number;
}

/** Search, group filter, and a legend that counts each state with the glyph the buttons use. */
export function PanelToolbar({ filter, onFilter, groups, cards, shown, total }: PanelToolbarProps) {
  const searchId = useId();
  const groupId = useId();
  const counts = new Map<LampKind, number>();
  for (const card of cards.values()) counts.set(card.lamp, (counts.get(card.lamp) ?? 0) + 1);
  const offices = groups.filter((g) => g.kind === "office");
  const queues = groups.filter((g) => g.kind === "queue");

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <div className="flex items-center gap-1.5">
        <label htmlFor={searchId} className="text-sm font-medium">
          Search extensions
        </label>
        <input
          id={searchId}
          type="search"
          value={filter.query}
          onChange={(e) => onFilter({ ...filter, query: e.target.value })}
          placeholder="Number, name or caller"
          autoComplete="off"
          className={`${controlClasses} w-52 py-1`}
        />
      </div>
      <div className="flex items-center gap-1.5">
        <label htmlFor={groupId} className="text-sm font-medium">
          Group
        </label>
        <select
          id={groupId}
          value={filter.groupId}
          onChange={(e) => onFilter({ ...filter, groupId: e.target.value })}
          className={`${controlClasses} w-44 py-1`}
        >
          <option value="">All extensions</option>
          {offices.length ? (
            <optgroup label="Offices">
              {offices.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {queues.length ? (
            <optgroup label="Queues">
              {queues.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400" aria-live="polite">
        {shown === total ? `${total} extensions` : `${shown} of ${total} extensions`}
      </p>
      <section aria-labelledby="legend-heading" className="basis-full">
        <h3 id="legend-heading" className="sr-only">
          Lamp summary
        </h3>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {LEGEND.map((kind) => {
            const look = extensionLookOf(kind);
            return (
              <li key={kind} className="inline-flex items-center gap-1">
                <span className={`inline-flex size-4 items-center justify-center rounded border ${look.className}`}>
                  <StateIcon icon={look.icon} className="size-3" />
                </span>
                <span>
                  {look.label}: <span className="tabular-nums">{counts.get(kind) ?? 0}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
