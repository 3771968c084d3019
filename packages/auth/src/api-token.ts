import { createHash, randomBytes } from "node:crypto";

const PREFIX = "sbk_";

/** A new API token: shown once to its owner; only its sha256 is stored. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

// Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > PREFIX.length + 20;
}
