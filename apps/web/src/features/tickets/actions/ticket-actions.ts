"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { replyCreateSchema, ticketChangeSchema, ticketCreateSchema } from "@switchboard/contracts";
import { createTicket, markTicketRead, parseInput, replyToTicket, updateTicket } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { readReplyForm, readTicketForm } from "../server/read-form-with-files";
import { getRuntime } from "@/server/runtime";

// Every action re-checks the session and validates its input; the services apply the ticket policy.

const ticketId = z.uuid({ error: "ticket id must be a valid id" });

/** The form sends its fields and files as FormData (files cannot travel as JSON). */
export async function createTicketAction(form: FormData) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const data = parseInput(ticketCreateSchema, await readTicketForm(form));
    const { ticket } = await createTicket(getRuntime().services, viewer, data);
    return { id: ticket.id, publicId: ticket.publicId };
  });
  if (result.ok) revalidatePath("/tickets");
  return result;
}

/** The composer sends its message and files as FormData (files cannot travel as JSON). */
export async function replyToTicketAction(id: string, form: FormData) {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    const data = parseInput(replyCreateSchema, await readReplyForm(form));
    const reply = await replyToTicket(getRuntime().services, viewer, parseInput(ticketId, id), data);
    return { id: reply.id, internal: reply.internal };
  });
}

export async function updateTicketAction(id: string, input: unknown) {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    const { version, ...change } = parseInput(ticketChangeSchema, input);
    if (Object.keys(change).length === 0) return { changed: false, version, ticket: undefined };
    const { ticket } = await updateTicket(getRuntime().services, viewer, parseInput(ticketId, id), { ...change, version });
    const staff = ticket.view === "staff" ? ticket : undefined;
    return { changed: true, version: staff?.version, ticket: staff };
  });
}

/** The open ticket page showed a customer reply as it arrived: it is read. */
export async function markTicketReadAction(id: string) {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    await markTicketRead(getRuntime().services, viewer, parseInput(ticketId, id));
    return { read: true };
  });
}
