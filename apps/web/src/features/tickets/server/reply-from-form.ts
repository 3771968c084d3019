import "server-only";
import { UNKNOWN_MEDIA_TYPE } from "@switchboard/contracts";

/**
 * The composer's FormData as replyCreateSchema reads it: each file as its name, media type (the
 * browser's, or application/octet-stream when it names none) and bytes. Anything else is passed
 * on as sent, for the schema to refuse by name.
 */
export async function replyFromForm(form: unknown): Promise<unknown> {
  if (!(form instanceof FormData)) return form;
  const attachments = await Promise.all(
    form
      .getAll("attachments")
      .map(async (value) =>
        value instanceof File ? { name: value.name, type: value.type || UNKNOWN_MEDIA_TYPE, content: new Uint8Array(await value.arrayBuffer()) } : value
      )
  );
  return { body: form.get("body") ?? undefined, internal: form.get("internal") === "true", attachments };
}
