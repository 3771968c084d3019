import { getDummyHash, hashPassword, needsRehash, verifyPassword, type SessionUser } from "@switchboard/auth";
import { emailSchema } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { DomainError } from "./errors";
import {
  clearAttempts,
  HashGate,
  LOGIN_LIMITS,
  pruneLoginThrottles,
  releaseAttempt,
  reserveAttempt,
  type ThrottleKey,
  type ThrottleLimits
} from "./sign-in/throttle";

export { LOGIN_LIMITS, pruneLoginThrottles, type ThrottleLimits } from "./sign-in/throttle";

/** Why a sign-in was refused though the password may have been right; the login page names each. */
type SignInRefusal = "deactivated";

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "invalid_credentials" | SignInRefusal };

export class SignInThrottled extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly busy = false
  ) {
    super(
      "rate_limited",
      busy
        ? "Signing in is busy right now. Try again in a few seconds."
        : `Too many sign-in attempts. Try again in ${retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`}.`
    );
  }
}

const gate = new HashGate();
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/** Longest password we hash: scrypt's cost grows with the input, so longer ones are refused unhashed. */
const MAX_PASSWORD_LENGTH = 200;

export interface SignInOptions {
  limits?: ThrottleLimits;
  /** The process's bound on concurrent hashes (tests pass their own). */
  gate?: HashGate;
}

/**
 * Checks email and password, in this order, so an attacker's attempts cost us little:
 * 1. the email and password are checked for shape (no database work for garbage);
 * 2. the attempt is counted against the address, then the account — atomically, before any hash:
 *    however many arrive at once, only the free attempts (then one per growing delay) go on;
 * 3. the hash runs in a bounded pool (beyond it: "busy", not a queue that grows without end);
 *    unknown accounts cost the same time as known ones.
 * A success gives the address its attempt back, clears the account's and records the sign-in,
 * rehashing a password stored with older hash parameters.
 */
export async function signIn(db: DbClient, email: string, password: string, ip: string, options: SignInOptions = {}): Promise<SignInResult> {
  const limits = options.limits ?? LOGIN_LIMITS;
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: "invalid_credentials" };
  const normalized = parsed.data;
  maybePrune(db, limits);

  const address: ThrottleKey = { key: `ip:${ip.slice(0, 100)}`, free: limits.perAddress, maxDelayMs: limits.addressMaxDelayMs };
  const account: ThrottleKey = { key: `email:${normalized}`, free: limits.perAccount, maxDelayMs: limits.accountMaxDelayMs };
  for (const key of [address, account]) {
    const reserved = await reserveAttempt(db, key, limits);
    if (!reserved.ok) throw new SignInThrottled(Math.ceil(reserved.retryAfterMs / 1000));
  }

  const user = await db.user.findUnique({ where: { email: normalized } });
  const verified = await (options.gate ?? gate).run(async () => verifyPassword(password, user?.passwordHash ?? (await getDummyHash())));
  if (verified === null) throw new SignInThrottled(5, true);
  if (!user || !verified || user.status === "invited") return { ok: false, reason: "invalid_credentials" };

  await Promise.all([clearAttempts(db, account.key), releaseAttempt(db, address)]);
  if (user.status === "deactivated") return { ok: false, reason: "deactivated" };
  const actor = { id: user.id, name: user.name };
  // The one moment the password is at hand: a hash of older parameters is replaced by today's.
  const rehashed = user.passwordHash && needsRehash(user.passwordHash) ? await (options.gate ?? gate).run(() => hashPassword(password)) : null;
  const signedIn = await withActor(actor, () =>
    db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), ...(rehashed ? { passwordHash: rehashed } : {}) } })
  );
  return {
    ok: true,
    user: {
      id: signedIn.id,
      orgId: signedIn.organizationId,
      role: signedIn.role,
      name: signedIn.name,
      email: signedIn.email,
      sessionVersion: signedIn.sessionVersion
    }
  };
}

function maybePrune(db: DbClient, limits: ThrottleLimits): void {
  if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = Date.now();
  pruneLoginThrottles(db, limits).catch(() => undefined);
}

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: "missing" | "deactivated" | "revoked" };

/**
 * The user behind a session as the database knows them now: refused when the account is gone or
 * deactivated, or when the session was issued before the user's sessions were last ended (its
 * version is older). Pages, server actions, REST and the realtime handshake all ask this.
 */
export async function checkSession(db: DbClient, id: string, sessionVersion: number): Promise<SessionCheck> {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, organizationId: true, role: true, name: true, email: true, status: true, sessionVersion: true }
  });
  return judgeSession(user, sessionVersion);
}

/** checkSession's verdict on a loaded user (the realtime node loads users in batches). */
export function judgeSession(
  user: { id: string; organizationId: string; role: SessionUser["role"]; name: string; email: string; status: string; sessionVersion: number } | null,
  sessionVersion: number
): SessionCheck {
  if (!user || user.status === "invited") return { ok: false, reason: "missing" };
  if (user.status !== "active") return { ok: false, reason: "deactivated" };
  if (sessionVersion !== user.sessionVersion) return { ok: false, reason: "revoked" };
  return {
    ok: true,
    user: { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion }
  };
}
