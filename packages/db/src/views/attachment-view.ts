import type { AttachmentView } from "@switchboard/contracts";

/** The files' metadata as the service wrote it with the files; entries naming no stored file are dropped. */
export function attachmentsOf(value: unknown): AttachmentView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a: unknown) => {
    if (typeof a !== "object" || a === null) return [];
    const { id, name, size, type } = a as Record<string, unknown>;
    return typeof id === "string" && typeof name === "string" && typeof size === "number" && typeof type === "string" ? [{ id, name, size, type }] : [];
  });
}
