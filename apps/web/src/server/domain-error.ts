import type { CurrentVersion } from "@switchboard/contracts";

export type DomainErrorCode = "bad_request" | "forbidden" | "not_found" | "conflict" | "rate_limited";

export interface DomainErrorLike {
  code: DomainErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** A refused stale change (StaleVersionError): the entity's version now and who changed it. */
  current?: CurrentVersion;
}

const CODES = new Set<string>(["bad_request", "forbidden", "not_found", "conflict", "rate_limited"]);

/**
 * Recognises @switchboard/db's DomainError by shape rather than class: the services may run from a
 * different copy of the module than the caller (Next bundles per runtime), so `instanceof` can lie.
 */
export function asDomainError(error: unknown): DomainErrorLike | null {
  if (!(error instanceof Error) || error.name !== "DomainError") return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !CODES.has(code)) return null;
  const fields = (error as { fields?: unknown }).fields;
  const current = (error as { current?: unknown }).current;
  return {
    code: code as DomainErrorCode,
    message: error.message,
    fields: fields && typeof fields === "object" ? (fields as Record<string, string>) : undefined,
    ...(current && typeof current === "object" ? { current: current as CurrentVersion } : {})
  };
}
