import { NextResponse, type NextRequest } from "next/server";
import { verifySessionCookie } from "@switchboard/auth";
import { loadWebConfig } from "./env";
import { loginPath, PATH_HEADER } from "./features/auth/login-path";
import { buildContentSecurityPolicy, createNonce, NONCE_HEADER } from "./server/security/content-security-policy";

// Pages one uses before signing in: sign-in, first-run setup, invitation and reset links.
const PUBLIC_PAGES = /^\/(?:login(?:\/|$)|setup$|invite\/|reset-password\/)/;

function withPolicy(response: NextResponse, csp: string): NextResponse {
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * Every page gets a Content-Security-Policy with a fresh nonce; Next reads it from the request's
 * copy of the header and puts it on its scripts, the root layout on its own. Pages past sign-in
 * also need a valid next-auth session cookie, else → /login, remembering where the user was going.
 * Layouts check again against the database (requireViewer): this only reads the signed cookie.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const config = loadWebConfig();
  const nonce = createNonce();
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = buildContentSecurityPolicy({ nonce, dev: config.dev, realtimeUrl: config.realtimePublicUrl, https });
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("content-security-policy", csp);
  forwarded.delete(PATH_HEADER);
  if (!PUBLIC_PAGES.test(pathname)) {
    const session = await verifySessionCookie(request.headers.get("cookie") ?? undefined, config.authSecret);
    if (!session.ok) return withPolicy(NextResponse.redirect(new URL(loginPath(pathname + search), request.url)), csp);
    forwarded.set(PATH_HEADER, pathname + search);
  }
  return withPolicy(NextResponse.next({ request: { headers: forwarded } }), csp);
}

export const config = {
  // Every page; not next-auth and the APIs (JSON, they answer 401 themselves), the realtime
  // endpoints server.ts serves, or static assets.
  matcher: ["/((?!api/|_next/static|_next/image|socket\\.io|realtime/|pbx/|jobs/|healthz|favicon\\.ico|robots\\.txt|.*\\.(?:svg|png|ico|webmanifest)$).*)"]
};
