"use client";

import { useId } from "react";
import { TRANSPORT_LABELS, TRANSPORTS } from "@/lib/transport";
import { hasFilters, NO_FILTERS, type ListFilters } from "@/lib/list-filter";
import { controlClasses } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

interface ListFiltersBarProps {
  /** Names the filter region, e.g. "Filter extensions" (distinct from the search box label). */
  filterLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  value: ListFilters;
  onChange: (next: ListFilters) => void;
}

export function ListFiltersBar({ filterLabel, searchLabel, searchPlaceholder, value, onChange }: ListFiltersBarProps) {
  const id = useId();
  return (
    <div role="search" aria-label={filterLabel} className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800">
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-q`} className="mb-1 block text-sm font-medium">
          {searchLabel}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={value.q}
          placeholder={searchPlaceholder}
          onChange={(event) => onChange({ ...value, q: event.target.value })}
          className={controlClasses}
        />
      </div>
      <div>
        <label htmlFor={`${id}-transport`} className="mb-1 block text-sm font-medium">
          Transport
        </label>
        <select
          id={`${id}-transport`}
          value={value.transport}
          onChange={(event) => onChange({ ...value, transport: event.target.value as ListFilters["transport"] })}
          className={controlClasses}
        >
          <option value="">All transports</option>
          {TRANSPORTS.map((t) => (
            <option key={t} value={t}>
              {TRANSPORT_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-enabled`} className="mb-1 block text-sm font-medium">
          Enabled
        </label>
        <select
          id={`${id}-enabled`}
          value={value.enabled}
          onChange={(event) => onChange({ ...value, enabled: event.target.value as ListFilters["enabled"] })}
          className={controlClasses}
        >
          <option value="">Any</option>
          <option value="true">Enabled</option>
          <option value="false">Disabled</option>
        </select>
      </div>
      {hasFilters(value) ? (
        <Button variant="ghost" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
