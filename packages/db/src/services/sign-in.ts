import { getDummyHash, verifyPassword, type SessionUser } from "@switchboard/auth";
import type { DbClient } from "../client/create-client";
import { DomainError } from "./errors";

/** Fixed-window brute-force limits, kept in PostgreSQL so every web node shares them. */
const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perAccount: 5,
  perIp: 20
};

type Throttled = { key: string; limit: number };

async function lockedUntil(db: DbClient, keys: string[]): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  const times = rows.map((r) => r.lockedUntil?.getTime() ?? 0);
  return times.length ? new Date(Math.max(...times)) : null;
}

async function recordFailure(db: DbClient, { key, limit }: Throttled): Promise<void> {
  const now = Date.now();
  const row = await db.loginThrottle.findUnique({ where: { key } });
  const fresh = !row || now - row.windowStart.getTime() > LOGIN_LIMITS.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const lock = failures >= limit ? new Date(now + LOGIN_LIMITS.lockMs) : null;
  await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures, windowStart: new Date(now), lockedUntil: lock },
    update: { failures, ...(fresh ? { windowStart: new Date(now) } : {}), lockedUntil: lock }
  });
}

function tooMany(until: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new DomainError("rate_limited", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

/**
 * Checks email and password. Unknown accounts cost the same time as known ones. Locked keys
 * (account or IP) are refused before the password is even checked.
 */
export async function signIn(db: DbClient, email: string, password: string, ip: string): Promise<SessionUser | null> {
  const normalized = email.trim().toLowerCase();
  const account: Throttled = { key: `email:${normalized}`, limit: LOGIN_LIMITS.perAccount };
  const address: Throttled = { key: `ip:${ip}`, limit: LOGIN_LIMITS.perIp };
  const locked = await lockedUntil(db, [account.key, address.key]);
  if (locked) throw tooMany(locked);

  const user = await db.user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok) {
    await recordFailure(db, account);
    await recordFailure(db, address);
    const nowLocked = await lockedUntil(db, [account.key, address.key]);
    if (nowLocked) throw tooMany(nowLocked);
    return null;
  }
  await db.loginThrottle.deleteMany({ where: { key: account.key } });
  return { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email };
}

/** Re-reads a session's user so a deleted account or changed role takes effect at once. */
export async function findSessionUser(db: DbClient, id: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { id } });
  return user ? { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email } : null;
}
