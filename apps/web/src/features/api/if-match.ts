import { invalidRequest } from "./api-error";

// G8 over HTTP: an entity's ETag is its version, and a change may name the version it is based on
// in If-Match (or the body's `version`); a stale one is refused with 409 and the current version.

/** The ETag of an entity at `version`: a strong validator, `"<version>"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const ONE_ETAG = /^(?:W\/)?"([1-9][0-9]{0,9})"$/;

/**
 * The version an `If-Match` header names: undefined when there is none or it is `*` (any version);
 * one of our ETags (`"3"`, weak `W/"3"` is read the same) gives 3; anything else is refused.
 */
export function readIfMatch(header: string | null): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (value === "*") return undefined;
  const match = ONE_ETAG.exec(value);
  if (!match?.[1]) throw invalidRequest(`If-Match must be one ETag of this entity, e.g. "3", or *`, { "If-Match": "not an ETag of this API" });
  return Number(match[1]);
}

/** The version a change is based on, from If-Match or the body's `version`; both must agree when both are given. */
export function expectedVersion(ifMatch: number | undefined, bodyVersion: number | undefined): number | undefined {
  if (ifMatch !== undefined && bodyVersion !== undefined && ifMatch !== bodyVersion) {
    throw invalidRequest(`If-Match (${ifMatch}) and version (${bodyVersion}) disagree`, { version: "must match If-Match" });
  }
  return ifMatch ?? bodyVersion;
}
