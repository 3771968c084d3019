/** Missed calls above this share of the day's calls are flagged on the dashboard. */
export const MISSED_RATIO_WARNING = 0.2;
/** A trunk using at least this share of its channels is flagged as near capacity. */
export const TRUNK_USAGE_WARNING = 0.8;

/** "25% of today's calls were missed", or null while the share is below the threshold (or no calls yet). */
export function missedCallsWarning(missed: number, calls: number): string | null {
  if (calls <= 0 || missed / calls <= MISSED_RATIO_WARNING) return null;
  return `${Math.round((missed / calls) * 100)}% of today's calls were missed`;
}

/** "At capacity" / "Near capacity" for a trunk's channels in use, or null. */
export function trunkUsageWarning(inUse: number, maxChannels: number): string | null {
  if (maxChannels <= 0) return null;
  if (inUse >= maxChannels) return "At capacity";
  return inUse / maxChannels >= TRUNK_USAGE_WARNING ? "Near capacity" : null;
}

/** "/calls?result=missed&from=…": the calls list filtered as a figure counts (the list's own URL parameters). */
export function callsHref(filters: { result?: "answered" | "missed"; day?: string; extension?: string | null }): string {
  const search = new URLSearchParams();
  if (filters.result) search.set("result", filters.result);
  if (filters.extension) search.set("extension", filters.extension);
  if (filters.day) {
    search.set("from", filters.day);
    search.set("to", filters.day);
  }
  const text = search.toString();
  return text ? `/calls?${text}` : "/calls";
}
