/** Set by proxy.ts on page requests so server code knows where to return after sign-in. */
export const PATH_HEADER = "x-switchboard-path";

/**
 * Only same-site paths may be a post-login destination ("/x", never "//host" or "https://…"),
 * so a crafted link cannot bounce a fresh session to another site.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}

export function loginPath(returnTo: string | null | undefined): string {
  const target = safeCallbackPath(returnTo);
  return target === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(target)}`;
}
