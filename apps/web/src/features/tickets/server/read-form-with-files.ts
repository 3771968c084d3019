import "server-only";
import { UNKNOWN_MEDIA_TYPE } from "@switchboard/contracts";

/**
 * The form's files (its `attachments` entries) as the schemas read them: each file's name, media
 * type (the browser's, or application/octet-stream when it names none) and bytes. Anything else is
 * passed on as sent, for the schema to refuse by name.
 */
async function filesOf(form: FormData): Promise<unknown[]> {
  return Promise.all(
    form
      .getAll("attachments")
      .map(async (value) =>
        value instanceof File ? { name: value.name, type: value.type || UNKNOWN_MEDIA_TYPE, content: new Uint8Array(await value.arrayBuffer()) } : value
      )
  );
}

/** The composer's FormData (`body`, `internal` as "true"/"false", files) as replyCreateSchema reads it. */
export async function readReplyForm(form: unknown): Promise<unknown> {
  if (!(form instanceof FormData)) return form;
  return { body: form.get("body") ?? undefined, internal: form.get("internal") === "true", attachments: await filesOf(form) };
}

/** The new-ticket form's FormData (its text fields, each once, and files) as ticketCreateSchema reads it. */
export async function readTicketForm(form: unknown): Promise<unknown> {
  if (!(form instanceof FormData)) return form;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form) if (key !== "attachments") fields[key] = key in fields ? [fields[key], value].flat() : value;
  return { ...fields, attachments: await filesOf(form) };
}
