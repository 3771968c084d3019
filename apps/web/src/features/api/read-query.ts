import { invalidRequest } from "./api-error";

/**
 * The query string as a plain object for a list service (which validates values). Unknown and
 * repeated parameters are refused here, so a typo such as `page_size` is an error rather than a
 * silently ignored filter.
 */
export function readQuery(searchParams: URLSearchParams, allowed: readonly string[]): Record<string, string> {
  const values = new Map<string, string>();
  const problems = new Map<string, string>();
  for (const [key, value] of searchParams) {
    if (!allowed.includes(key)) problems.set(key, `unknown query parameter (allowed: ${allowed.join(", ")})`);
    else if (values.has(key)) problems.set(key, "must be given at most once");
    else values.set(key, value);
  }
  if (problems.size) {
    const summary = [...problems].map(([key, message]) => `${key}: ${message}`).join("; ");
    throw invalidRequest(`invalid query — ${summary}`, Object.fromEntries(problems));
  }
  return Object.fromEntries(values);
}
