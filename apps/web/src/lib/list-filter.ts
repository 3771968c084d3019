import type { Transport } from "@switchboard/contracts";

export interface ListFilters {
  q: string;
  transport: "" | Transport;
  enabled: "" | "true" | "false";
}

export const NO_FILTERS: ListFilters = { q: "", transport: "", enabled: "" };

export function hasFilters(filters: ListFilters): boolean {
  return filters.q.trim() !== "" || filters.transport !== "" || filters.enabled !== "";
}

/** A stable key that changes whenever the filters do. */
export function filtersKey(filters: ListFilters): string {
  return `${filters.q.trim().toLowerCase()}|${filters.transport}|${filters.enabled}`;
}

/**
 * The same search and filters the REST list offers, applied in the browser to the live rows:
 * case-insensitive substring over the given text fields, exact transport, enabled or not.
 */
export function filterRows<T extends { transport: Transport; enabled: boolean }>(
  rows: readonly T[],
  filters: ListFilters,
  searchable: (row: T) => readonly (string | null | undefined)[]
): T[] {
  const q = filters.q.trim().toLowerCase();
  return rows.filter((row) => {
    if (filters.transport && row.transport !== filters.transport) return false;
    if (filters.enabled && String(row.enabled) !== filters.enabled) return false;
    if (!q) return true;
    return searchable(row).some((value) => value?.toLowerCase().includes(q));
  });
}
