import { createHmac, timingSafeEqual } from "node:crypto";

/** Header carrying the Unix time (seconds) the PBX signed the request at. */
export const TIMESTAMP_HEADER = "x-switchboard-timestamp";
/** Header carrying `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`; several, comma-separated, during key rotation. */
export const SIGNATURE_HEADER = "x-switchboard-signature";

export function computeSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The two headers a PBX (or a test) sends with a body. */
export function signWebhook(secret: string, rawBody: string, now: Date = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `v1=${computeSignature(secret, timestamp, rawBody)}` };
}

/** Constant-time check of every `v1=` signature in the header against the expected one. */
export function signatureMatches(secret: string, timestamp: string, rawBody: string, header: string): boolean {
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), "hex");
  return header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => {
      const given = Buffer.from(part.slice(3), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
