import { z } from "zod";
import { text } from "./text";

/** How many files one reply may carry, how big each may be, and all of them together. */
export const ATTACHMENTS_MAX = 5;
export const ATTACHMENT_SIZE_MAX = 10 * 1024 * 1024;
export const ATTACHMENTS_TOTAL_MAX = 20 * 1024 * 1024;
/** What a file the browser cannot name the type of is stored as. */
export const UNKNOWN_MEDIA_TYPE = "application/octet-stream";

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

const attachmentName = text({ error: "attachment name is required" })
  .trim()
  .min(1, "attachment name is required")
  .max(255, "attachment name must be at most 255 characters")
  .refine((name) => !/[\\/\p{Cc}]/u.test(name), "attachment name must not contain slashes or control characters");

const mediaType = text({ error: "attachment type is required" })
  .trim()
  .toLowerCase()
  .max(100, "attachment type must be at most 100 characters")
  .regex(/^[\w.+-]+\/[\w.+-]+$/, "attachment type must be a media type such as image/png");

/** A file as a reply is sent with it: its name, media type and bytes. */
export const attachmentUploadSchema = z.strictObject({
  name: attachmentName,
  type: mediaType,
  content: z
    .instanceof(Uint8Array, { error: "attachment content must be the file's bytes" })
    .refine((bytes) => bytes.byteLength > 0, "attachment is empty")
    .refine((bytes) => bytes.byteLength <= ATTACHMENT_SIZE_MAX, `each attachment may be at most ${megabytes(ATTACHMENT_SIZE_MAX)}`)
});
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

/** A reply's files: at most ATTACHMENTS_MAX, together at most ATTACHMENTS_TOTAL_MAX. */
export function attachmentListSchema<T extends z.ZodType<{ content: Uint8Array }>>(item: T) {
  return z
    .array(item, { error: "attachments must be a list" })
    .max(ATTACHMENTS_MAX, `at most ${ATTACHMENTS_MAX} attachments per reply`)
    .refine(
      (files) => files.reduce((sum, file) => sum + file.content.byteLength, 0) <= ATTACHMENTS_TOTAL_MAX,
      `attachments may be at most ${megabytes(ATTACHMENTS_TOTAL_MAX)} together`
    );
}

/** A stored file as replies list it; its bytes are read from /api/v1/attachments/{id}. */
export const attachmentViewSchema = z.object({ id: text(), name: text(), size: z.number().int(), type: text() });
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** Raster images a browser shows safely in an <img> (no SVG: it can carry script). */
const PREVIEWABLE_IMAGE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function isPreviewableImage(type: string): boolean {
  return PREVIEWABLE_IMAGE_TYPES.has(type);
}

/**
 * Where a stored attachment is downloaded (the console's links and the REST API alike); `inline`
 * asks for a previewable image to be shown rather than saved.
 */
export function attachmentPath(id: string, disposition: "attachment" | "inline" = "attachment"): string {
  return disposition === "inline" ? `/api/v1/attachments/${id}?disposition=inline` : `/api/v1/attachments/${id}`;
}
