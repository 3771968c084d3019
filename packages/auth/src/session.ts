import { createHash } from "node:crypto";
import { createVerifier, TokenError } from "fast-jwt";
import { SignJWT } from "jose";
import { decode } from "next-auth/jwt";
import { z } from "zod";
import { roleSchema, type Role } from "@switchboard/contracts";

export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** What every session (web cookie, realtime token, API token) resolves to. */
export type SessionUser = {
  id: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  /** The user's session version the session was issued with (see `User.sessionVersion`). */
  sessionVersion: number;
};

/** Sessions issued before session versions existed carry none; they count as the first version. */
const FIRST_SESSION_VERSION = 1;

export type SessionResult = { ok: true; user: SessionUser; expiresAt: number } | { ok: false; reason: "missing" | "expired" | "invalid" };

/** The claims next-auth's JWT callback stores (see apps/web auth options). */
const jwtClaimsSchema = z.object({
  sub: z.string(),
  orgId: z.string(),
  role: roleSchema,
  name: z.string().nullish(),
  email: z.string().nullish(),
  sv: z.number().int().optional(),
  exp: z.number()
});

/** A cookie value as sent; a broken %-escape (anyone can send one) stays raw instead of throwing. */
function decodeCookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (key) out.set(key, decodeCookieValue(part.slice(eq + 1).trim()));
  }
  return out;
}

/** Reads next-auth's session cookie (also when split into `.0`, `.1` chunks). */
export function findSessionCookie(header: string | undefined): string | undefined {
  const cookies = parseCookies(header);
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) ?? "");
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

export async function verifySessionCookie(cookieHeader: string | undefined, secret: string): Promise<SessionResult> {
  const token = findSessionCookie(cookieHeader);
  if (!token) return { ok: false, reason: "missing" };
  let claims: unknown;
  try {
    claims = await decode({ token, secret });
  } catch (error) {
    // next-auth checks `exp` itself (with clock tolerance); its bundled jose marks expiry by error code.
    return { ok: false, reason: (error as { code?: unknown } | null)?.code === "ERR_JWT_EXPIRED" ? "expired" : "invalid" };
  }
  const parsed = jwtClaimsSchema.safeParse(claims);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { sub, orgId, role, name, email, sv, exp } = parsed.data;
  if (exp * 1000 <= Date.now()) return { ok: false, reason: "expired" };
  return {
    ok: true,
    user: { id: sub, orgId, role, name: name ?? "", email: email ?? "", sessionVersion: sv ?? FIRST_SESSION_VERSION },
    expiresAt: exp * 1000
  };
}

const REALTIME_AUDIENCE = "switchboard-realtime";

function realtimeKey(secret: string): Buffer {
  // A key of its own, so a realtime token can never pass as a session cookie or the reverse.
  return createHash("sha256").update(`switchboard:realtime-token:${secret}`).digest();
}

/**
 * The token check, made once per secret. It runs synchronously on node:crypto's HMAC (fast-jwt):
 * a reconnect storm verifies thousands of tokens, and WebCrypto's asynchronous HMAC job cost a
 * realtime node about 150 µs of CPU per handshake (a tenth of a connect), this about 10 µs.
 */
const verifiers = new Map<string, (token: string) => unknown>();

function realtimeVerifier(secret: string): (token: string) => unknown {
  let verify = verifiers.get(secret);
  if (!verify) {
    verify = createVerifier({ key: realtimeKey(secret), algorithms: ["HS256"], allowedAud: REALTIME_AUDIENCE, cache: false });
    verifiers.set(secret, verify);
  }
  return verify;
}

/** A short-lived token the web app mints for a console connecting to a realtime node cross-site. */
export async function mintRealtimeToken(user: SessionUser, secret: string, ttlSeconds = 120, sessionExpiresAt?: number): Promise<string> {
  const jwt = new SignJWT({ org: user.orgId, role: user.role, name: user.name, email: user.email, sv: user.sessionVersion, sexp: sessionExpiresAt })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(user.id)
    .setAudience(REALTIME_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`);
  return jwt.sign(realtimeKey(secret));
}

const realtimeClaimsSchema = z.object({
  sub: z.string(),
  org: z.string(),
  role: roleSchema,
  name: z.string(),
  email: z.string(),
  sv: z.number().int().optional(),
  exp: z.number(),
  sexp: z.number().optional()
});

export async function verifyRealtimeToken(token: string, secret: string): Promise<SessionResult> {
  try {
    const claims = realtimeClaimsSchema.parse(realtimeVerifier(secret)(token));
    return {
      ok: true,
      user: {
        id: claims.sub,
        orgId: claims.org,
        role: claims.role,
        name: claims.name,
        email: claims.email,
        sessionVersion: claims.sv ?? FIRST_SESSION_VERSION
      },
      // The socket may live as long as the web session that minted the token, not just the token.
      expiresAt: claims.sexp ?? claims.exp * 1000
    };
  } catch (error) {
    if (error instanceof TokenError && error.code === TokenError.codes.expired) return { ok: false, reason: "expired" };
    return { ok: false, reason: "invalid" };
  }
}
