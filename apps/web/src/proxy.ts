import { NextResponse, type NextRequest } from "next/server";
import { verifySessionCookie } from "@switchboard/auth";
import { loadWebConfig } from "./env";
import { loginPath, PATH_HEADER } from "./features/auth/login-path";

/**
 * First line of defence for pages: no valid next-auth session cookie → /login, remembering where
 * the user was going. Layouts check again against the database (requireViewer): this only reads
 * the signed cookie, so a deleted user is caught there.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const session = await verifySessionCookie(request.headers.get("cookie") ?? undefined, loadWebConfig().authSecret);
  if (!session.ok) return NextResponse.redirect(new URL(loginPath(pathname + search), request.url));
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Everything except the pages one uses before signing in (sign-in, first-run setup, invitation and
  // reset links), next-auth, APIs that answer 401 themselves, the realtime endpoints server.ts
  // serves, and static assets.
  matcher: [
    "/((?!login|setup$|invite/|reset-password/|api/|_next/|socket\\.io|realtime/|healthz|favicon\\.ico|robots\\.txt|.*\\.(?:svg|png|ico|webmanifest)$).*)"
  ]
};
