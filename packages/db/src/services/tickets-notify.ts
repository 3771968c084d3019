import { canReadTicket, isStaff } from "@switchboard/auth";
import type { NotificationKind } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { ticketAccessOf, type TicketRow } from "../views/ticket-view";
import { officeIdsOf, type TicketViewer } from "./tickets-access";

const EXCERPT_LENGTH = 140;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** Of `userIds`, those who may open the ticket now (the policy's canReadTicket, as its pages and REST decide). */
async function readersAmong(db: DbClient, ticket: TicketRow, userIds: readonly string[]): Promise<Set<string>> {
  const users = await db.user.findMany({
    where: { id: { in: [...userIds] }, organizationId: ticket.organizationId },
    select: { id: true, organizationId: true, role: true, officeMemberships: { select: { officeId: true } } }
  });
  const access = ticketAccessOf(ticket);
  return new Set(
    users
      .filter((u) => canReadTicket({ id: u.id, orgId: u.organizationId, role: u.role, officeIds: u.officeMemberships.map((m) => m.officeId) }, access))
      .map((u) => u.id)
  );
}

/**
 * Writes inbox entries inside the caller's transaction (so each is committed, and announced, with
 * the change that caused it). One entry per user; the author of a change is never notified of it,
 * nor is anyone who may not open the ticket (`ticket` is its state after the change).
 */
export async function notify(
  db: DbClient,
  actor: TicketViewer,
  ticket: TicketRow,
  entries: { userId: string; kind: NotificationKind; excerpt?: string }[]
): Promise<void> {
  const seen = new Set<string>([actor.id]);
  const readers = await readersAmong(
    db,
    ticket,
    entries.map((e) => e.userId)
  );
  const data = [];
  for (const e of entries) {
    if (seen.has(e.userId) || !readers.has(e.userId)) continue;
    seen.add(e.userId);
    data.push({ organizationId: ticket.organizationId, userId: e.userId, kind: e.kind, ticketId: ticket.id, actorId: actor.id, excerpt: e.excerpt ?? "" });
  }
  if (data.length) await db.notification.createMany({ data });
}

const HANDLE = /@([\p{L}\p{N}._-]+)/gu;
const ENDS_IN_HANDLE_CHAR = /[\p{L}\p{N}._-]$/u;

/** The handle without trailing punctuation ("@ana." is "ana"), scanning back once. */
function trimHandle(handle: string): string {
  let end = handle.length;
  while (end > 0 && "._-".includes(handle.charAt(end - 1))) end--;
  return handle.slice(0, end);
}

/**
 * Lower-cased words that follow an "@" that does not sit inside a word (so not in "ana@example").
 * Linear in the text: each handle is read once by a regex that cannot backtrack, and trimmed by a
 * loop (a `/[._-]+$/` replace retries from every dot of a long run: quadratic).
 */
function mentionTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const match of text.matchAll(HANDLE)) {
    // Two code units: the code point before "@" may be a surrogate pair.
    if (ENDS_IN_HANDLE_CHAR.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    const token = trimHandle(match[1] ?? "").toLowerCase();
    if (token) tokens.add(token);
  }
  return tokens;
}

const WHOLE_HANDLE = /^[\p{L}\p{N}._-]+$/u;

/**
 * The handle a composer inserts for a staff member: their full name ("@ana.agent") when it reads as
 * one handle, else their email's local part; mentionedStaff reads both back to them.
 */
export function mentionHandleOf(user: { name: string; email: string }): string {
  const full = user.name.toLowerCase().split(/\s+/).filter(Boolean).join(".");
  if (WHOLE_HANDLE.test(full) && trimHandle(full) === full) return full;
  return user.email.split("@")[0]?.toLowerCase() ?? full;
}

/**
 * Staff mentioned in a text and allowed to read the ticket. "@ana" matches a staff member by the
 * first word of their name or the local part of their email, "@ana.agent" / "@anaagent" by their
 * full name; a name shared by several people mentions each of them.
 */
export async function mentionedStaff(db: DbClient, ticket: TicketRow, text: string): Promise<string[]> {
  const tokens = mentionTokens(text);
  if (tokens.size === 0) return [];
  const staff = await db.user.findMany({
    where: { organizationId: ticket.organizationId, role: { in: ["admin", "supervisor", "agent"] } },
    select: { id: true, name: true, email: true, role: true, organizationId: true }
  });
  const ids: string[] = [];
  for (const user of staff) {
    const words = user.name.toLowerCase().split(/\s+/).filter(Boolean);
    const handles = [words[0] ?? "", words.join("."), words.join(""), user.email.split("@")[0]?.toLowerCase() ?? ""].filter(Boolean);
    if (!handles.some((h) => tokens.has(h))) continue;
    const viewer = { id: user.id, orgId: user.organizationId, role: user.role, officeIds: await officeIdsOf(db, user.id) };
    if (isStaff(viewer) && canReadTicket(viewer, ticketAccessOf(ticket))) ids.push(user.id);
  }
  return ids;
}
