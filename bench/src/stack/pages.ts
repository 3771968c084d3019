import { readableFamilies } from "@switchboard/auth";
import type { Role, TopicFamily } from "@switchboard/contracts";

/** The console pages scenario E spreads its consoles over. */
export type PageName = "operator" | "tickets" | "settings";

export const PAGE_TOPICS: Record<PageName, readonly TopicFamily[]> = {
  operator: ["calls", "extensions", "trunks", "queues", "pbx", "notifications", "jobs"],
  tickets: ["tickets", "notifications", "jobs"],
  settings: ["users", "offices", "webhooks", "notifications"]
};

/**
 * The page of console `index` of an organization (the seed's order: 0 the admin, a supervisor every
 * tenth from 1, a customer every twentieth from 19). Customers are on the tickets page (their
 * portal); staff by slot (index + ⌊index / 10⌋) mod 10 — 0 settings, 7–8 tickets, else operator —
 * so the admin is on settings and supervisors are on every page. Roughly 67 % operator, 24 %
 * tickets, 9 % settings.
 */
export function pageOf(index: number, role: Role): PageName {
  if (role === "customer") return "tickets";
  const slot = (index + Math.floor(index / 10)) % 10;
  if (slot === 0) return "settings";
  return slot === 7 || slot === 8 ? "tickets" : "operator";
}

/** The topics a console on `page` names in its handshake: the page's families its user may hold (webhooks: admins). */
export function pageTopics(page: PageName, user: { id: string; orgId: string; role: Role }): TopicFamily[] {
  const allowed = new Set(readableFamilies(user));
  return PAGE_TOPICS[page].filter((family) => allowed.has(family));
}
