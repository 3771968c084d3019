import { envelopeSchema, type DomainEvent } from "@switchboard/contracts";

/** The JSON envelope stored in the streams. */
export function encodePayload(event: DomainEvent): string {
  return JSON.stringify(event);
}

export type DecodedPayload = { ok: true; event: DomainEvent } | { ok: false; reason: string };

/**
 * Parses a stored envelope. Anything can end up in a Redis key, so a bad entry is reported to
 * the caller (which logs, counts and skips it) instead of crashing the reader.
 */
export function decodePayload(raw: string | undefined): DecodedPayload {
  if (raw === undefined) return { ok: false, reason: "entry has no payload field" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: `payload is not JSON: ${(error as Error).message}` };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `payload is not an event envelope (${issue?.path.join(".") || "root"}: ${issue?.message ?? "invalid"})` };
  }
  // `data` is checked per type by consumers that render it; the envelope is what the log needs.
  return { ok: true, event: parsed.data as DomainEvent };
}
