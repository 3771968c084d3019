import type { TicketView } from "@switchboard/contracts";
import { isOverdue } from "./sla-state";

/** The list's state as it lives in the URL (/tickets?status=open&mine=true&page=2). */
export interface TicketListParams {
  q: string;
  status: string;
  priority: string;
  office: string;
  assignee: string;
  mine: boolean;
  /** Past the SLA due time and still waiting for an answer (staff). */
  overdue: boolean;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

export const TICKET_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_TICKET_PARAMS: TicketListParams = {
  q: "",
  status: "",
  priority: "",
  office: "",
  assignee: "",
  mine: false,
  overdue: false,
  sort: "updatedAt",
  dir: "desc",
  page: 1,
  pageSize: 25
};

type RawParams = Record<string, string | string[] | undefined>;

function first(raw: RawParams, key: string): string {
  const value = raw[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function positive(text: string, fallback: number): number {
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : fallback;
}

/** Reads the URL's parameters as given; the loader parses them with ticketListQuerySchema, which names what is wrong. */
export function readTicketListParams(raw: RawParams): TicketListParams {
  const d = DEFAULT_TICKET_PARAMS;
  return {
    q: first(raw, "q"),
    status: first(raw, "status"),
    priority: first(raw, "priority"),
    office: first(raw, "office"),
    assignee: first(raw, "assignee"),
    mine: first(raw, "mine") === "true",
    overdue: first(raw, "overdue") === "true",
    sort: first(raw, "sort") || d.sort,
    dir: first(raw, "dir") === "asc" ? "asc" : "desc",
    page: positive(first(raw, "page"), d.page),
    pageSize: positive(first(raw, "pageSize"), d.pageSize)
  };
}

/** The service query for these parameters (empty ones left out). */
export function toTicketQuery(p: TicketListParams): Record<string, string | number> {
  const query: Record<string, string | number> = { sort: p.sort, dir: p.dir, page: p.page, pageSize: p.pageSize };
  for (const key of ["q", "status", "priority", "office", "assignee"] as const) if (p[key]) query[key] = p[key];
  if (p.mine) query.mine = "true";
  if (p.overdue) query.overdue = "true";
  return query;
}

/** The query string of these parameters ("" for the default list), defaults left out so links stay short. */
function ticketListSearch(p: TicketListParams): string {
  const search = new URLSearchParams();
  const d = DEFAULT_TICKET_PARAMS;
  for (const key of ["q", "status", "priority", "office", "assignee", "sort", "dir"] as const) if (p[key] && p[key] !== d[key]) search.set(key, p[key]);
  if (p.mine) search.set("mine", "true");
  if (p.overdue) search.set("overdue", "true");
  if (p.page !== d.page) search.set("page", String(p.page));
  if (p.pageSize !== d.pageSize) search.set("pageSize", String(p.pageSize));
  return search.toString();
}

/** "/tickets?…" for these parameters. */
export function ticketListHref(p: TicketListParams): string {
  const search = ticketListSearch(p);
  return search ? `/tickets?${search}` : "/tickets";
}

/** A ticket's page, opened from the list these parameters show: its next and previous follow that list. */
export function ticketHref(id: string, p: TicketListParams): string {
  const search = ticketListSearch(p);
  return search ? `/tickets/${id}?${search}` : `/tickets/${id}`;
}

/**
 * Whether a ticket that appeared live belongs on the page shown: the first page of a list whose
 * filters it meets (search by subject or T-number, as the server does for those fields).
 */
export function pageAccepts(p: TicketListParams, viewerId: string, ticket: TicketView, now = Date.now()): boolean {
  if (p.page !== 1) return false;
  if (p.status && !p.status.split(",").includes(ticket.status)) return false;
  const staff = ticket.view === "staff" ? ticket : null;
  if (p.priority && (!staff || !p.priority.split(",").includes(staff.priority))) return false;
  if (p.office && (!staff || (p.office === "none" ? staff.officeId !== null : staff.officeId !== p.office))) return false;
  if (p.assignee) {
    const want = p.assignee === "me" ? viewerId : p.assignee === "none" ? null : p.assignee;
    if (!staff || staff.assigneeId !== want) return false;
  }
  if (p.overdue && (!staff || !isOverdue(staff.slaDueAt, staff.status, now))) return false;
  if (p.mine && (staff ? staff.assigneeId !== viewerId : ticket.customerId !== viewerId)) return false;
  const q = p.q.toLowerCase();
  if (q) {
    const number = /^(?:t-?)?(\d{1,9})$/i.exec(q)?.[1];
    if (!(ticket.subject.toLowerCase().includes(q) || ticket.body.toLowerCase().includes(q) || (number !== undefined && Number(number) === ticket.number)))
      return false;
  }
  return true;
}
