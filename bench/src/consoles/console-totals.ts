import type { PageName } from "../stack/pages";
import type { ConsoleTracker } from "./console-tracker";
import type { ConsoleSpec, PageTotals } from "./protocol";

interface Tracked {
  spec: ConsoleSpec;
  tracker: ConsoleTracker;
}

/** What a worker's consoles received and what went wrong, summed. */
export function trackerTotals(consoles: readonly Tracked[]) {
  const sum = { received: 0, duplicates: 0, outOfOrder: 0, unauthorized: 0, offTopic: 0, resyncs: 0 };
  for (const { tracker } of consoles) for (const key of Object.keys(sum) as Array<keyof typeof sum>) sum[key] += tracker[key];
  return sum;
}

/** Lost events given each organization's final head seq. */
export function lostTotal(consoles: readonly Tracked[], heads: Record<string, number>): number {
  let lost = 0;
  for (const { spec, tracker } of consoles) lost += tracker.lost(heads[spec.orgId] ?? 0);
  return lost;
}

/** The same figures per page, for consoles that show one. */
export function pageTotals(consoles: readonly Tracked[], heads: Record<string, number>): Partial<Record<PageName, PageTotals>> {
  const pages: Partial<Record<PageName, PageTotals>> = {};
  for (const { spec, tracker } of consoles) {
    if (!spec.page) continue;
    const page = (pages[spec.page] ??= { consoles: 0, received: 0, lost: 0, duplicates: 0, outOfOrder: 0, offTopic: 0, unauthorized: 0 });
    page.consoles += 1;
    page.received += tracker.received;
    page.lost += tracker.lost(heads[spec.orgId] ?? 0);
    page.duplicates += tracker.duplicates;
    page.outOfOrder += tracker.outOfOrder;
    page.offTopic += tracker.offTopic;
    page.unauthorized += tracker.unauthorized;
  }
  return pages;
}

/** Merges workers' per-page figures. */
export function mergePageTotals(parts: ReadonlyArray<Partial<Record<PageName, PageTotals>>>): Partial<Record<PageName, PageTotals>> {
  const merged: Partial<Record<PageName, PageTotals>> = {};
  for (const part of parts) {
    for (const [name, totals] of Object.entries(part) as Array<[PageName, PageTotals]>) {
      const into = (merged[name] ??= { consoles: 0, received: 0, lost: 0, duplicates: 0, outOfOrder: 0, offTopic: 0, unauthorized: 0 });
      for (const key of Object.keys(into) as Array<keyof PageTotals>) into[key] += totals[key];
    }
  }
  return merged;
}
