import type { TopicFamily } from "@switchboard/contracts";

/**
 * What the writer changes. "extensions": every change is an extension update (scenarios A–D).
 * "pages": one family per console page, in a fixed cycle per organization (scenario E).
 */
export type ChangeMix = "extensions" | "pages";

/** One kind of change and the family its event belongs to. Every kind's event is visible to staff only. */
export type ChangeKind = "extension" | "ticket" | "user";

export const FAMILY_OF_KIND: Record<ChangeKind, TopicFamily> = {
  extension: "extensions",
  ticket: "tickets",
  user: "users"
};

/** An organization's changes repeat this cycle of 20: 16 extension updates, 3 ticket updates, 1 user update. */
const PAGES_CYCLE: readonly ChangeKind[] = Array.from({ length: 20 }, (_, i) => (i === 19 ? "user" : i % 7 === 4 ? "ticket" : "extension"));

/** The kind of an organization's `n`th change. */
export function kindOfChange(mix: ChangeMix, n: number): ChangeKind {
  if (mix === "extensions") return "extension";
  return PAGES_CYCLE[n % PAGES_CYCLE.length] ?? "extension";
}

/** Share of each kind in a mix, e.g. for the report. */
export function mixShares(mix: ChangeMix): Record<ChangeKind, number> {
  const shares: Record<ChangeKind, number> = { extension: 0, ticket: 0, user: 0 };
  const cycle = mix === "extensions" ? ["extension" as const] : PAGES_CYCLE;
  for (const kind of cycle) shares[kind] += 1 / cycle.length;
  return shares;
}
