import { z } from "zod";
import { verifyRealtimeToken, verifySessionCookie, type SessionResult } from "@switchboard/auth";
import { handshakeAuthSchema, type ConnectErrorCode, type ConnectErrorData } from "@switchboard/contracts";
import { judgeSession, type SessionCheck } from "@switchboard/db";
import type { Logger } from "pino";
import type { RealtimeSocket } from "../io-types";
import type { RealtimeMetrics } from "../ops/metrics";
import type { SessionUserLoader } from "./session-user-loader";

/** The connect_error a client sees: `message` is the reason, `data.code` is for code. */
class HandshakeError extends Error {
  readonly data: ConnectErrorData;
  constructor(code: ConnectErrorCode, message: string) {
    super(message);
    this.data = { code };
  }
}

const REFUSALS: Record<Extract<SessionResult, { ok: false }>["reason"], HandshakeError> = {
  missing: new HandshakeError("no_session", "no session"),
  expired: new HandshakeError("session_expired", "session expired"),
  invalid: new HandshakeError("invalid_session", "invalid session")
};

/** The account or the session itself was ended (judgeSession's verdicts). */
const ENDED: Record<Exclude<SessionCheck, { ok: true }>["reason"], HandshakeError> = {
  missing: REFUSALS.invalid,
  deactivated: new HandshakeError("account_deactivated", "account deactivated"),
  revoked: new HandshakeError("session_revoked", "session revoked")
};

const userIdSchema = z.uuid();

export interface AuthDeps {
  users: SessionUserLoader;
  authSecret: string;
  logger: Logger;
  metrics: RealtimeMetrics;
  /** Cross-site origins allowed besides the server's own (options.corsOrigins). */
  corsOrigins: readonly string[];
}

/**
 * A cookie rides along with any page's WebSocket to us, so a cookie session is only accepted from
 * our own origin or a configured one (cross-site WebSocket hijacking). Tokens are never ambient.
 */
function originAllowed(socket: RealtimeSocket, allowed: readonly string[]): boolean {
  const origin = socket.handshake.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  // Behind a proxy the public host may only survive as X-Forwarded-Host; a page cannot forge
  // that header on a WebSocket, so it is as good as Host for this check.
  const forwarded = socket.handshake.headers["x-forwarded-host"];
  const hosts = [socket.handshake.headers.host, ...(typeof forwarded === "string" ? forwarded.split(",").map((h) => h.trim()) : [])];
  try {
    return hosts.includes(new URL(origin).host);
  } catch {
    return false;
  }
}

/**
 * Who is connecting: a realtime token (cross-site consoles) or the web app's session cookie
 * (same-site), then the user as the database knows them NOW, so a deleted or deactivated account
 * and a revoked session (its version is older than the user's) are refused, and a changed role,
 * organization or office membership applies from this connection on.
 */
async function authenticate(socket: RealtimeSocket, deps: AuthDeps, users: SessionUserLoader): Promise<void> {
  const auth = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
  if (!auth.success) {
    const issue = auth.error.issues[0];
    throw new HandshakeError("bad_request", `invalid handshake${issue ? `: ${[...issue.path].join(".")}: ${issue.message}` : ""}`);
  }
  if (!auth.data.token && !originAllowed(socket, deps.corsOrigins)) throw new HandshakeError("bad_request", "origin not allowed");
  const session = auth.data.token
    ? await verifyRealtimeToken(auth.data.token, deps.authSecret)
    : await verifySessionCookie(socket.handshake.headers.cookie, deps.authSecret);
  if (!session.ok) throw REFUSALS[session.reason];
  if (!userIdSchema.safeParse(session.user.id).success) throw REFUSALS.invalid;

  let current;
  try {
    current = await users.find(session.user.id);
  } catch (error) {
    deps.logger.error({ err: error }, "session user lookup failed");
    throw new HandshakeError("unavailable", "server unavailable");
  }
  const verdict = judgeSession(
    current && { ...current.user, organizationId: current.user.orgId, status: current.status, sessionVersion: current.sessionVersion },
    session.user.sessionVersion
  );
  if (!current || !verdict.ok) throw verdict.ok ? REFUSALS.invalid : ENDED[verdict.reason];
  // Offices decide which tickets an agent receives; like the role, they apply from this connection
  // on, and change with the user's later events (after `accessSeq`, which this snapshot reflects).
  socket.data.user = current.user;
  socket.data.sessionVersion = current.sessionVersion;
  socket.data.accessSeq = current.seq;
  socket.data.publishedSeq = current.publishedSeq;
  socket.data.sessionExpiresAt = session.expiresAt;
  socket.data.connectedAt = new Date().toISOString();
  socket.data.lastSeq = 0;
}

export function createAuthMiddleware(deps: AuthDeps) {
  const { users } = deps;
  return (socket: RealtimeSocket, next: (err?: Error) => void): void => {
    authenticate(socket, deps, users).then(
      () => next(),
      (error: unknown) => {
        const refusal = error instanceof HandshakeError ? error : new HandshakeError("unavailable", "server unavailable");
        if (!(error instanceof HandshakeError)) deps.logger.error({ err: error }, "handshake failed");
        deps.metrics.authFailure(refusal.data.code);
        // A fresh Error per refusal: socket.io keeps a reference to it on the client's packet.
        next(Object.assign(new Error(refusal.message), { data: refusal.data }));
      }
    );
  };
}

// setTimeout fires immediately for delays beyond ~24.8 days; re-arm in steps instead.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends sockets when their sessions end, telling the console first so it can ask the user to sign in.
 * One per node: a socket costs one timer, with the socket as the timer's argument rather than a closure.
 */
export class SessionExpiry {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  schedule(socket: RealtimeSocket): void {
    this.check(socket);
  }

  cancel(socket: RealtimeSocket): void {
    clearTimeout(this.timers.get(socket.id));
    this.timers.delete(socket.id);
  }

  private readonly check = (socket: RealtimeSocket): void => {
    const remaining = socket.data.sessionExpiresAt - Date.now();
    if (remaining > 0) {
      const timer = setTimeout(this.check, Math.min(remaining, MAX_TIMER_MS), socket);
      timer.unref();
      this.timers.set(socket.id, timer);
      return;
    }
    this.timers.delete(socket.id);
    socket.emit("session:expired");
    socket.disconnect(true);
  };
}
