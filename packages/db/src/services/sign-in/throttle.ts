import type { DbClient } from "../../client/create-client";

/**
 * Sign-in limits, kept in PostgreSQL so every web node shares them. Each key (an account, an
 * address) has a few free attempts; after them every attempt must wait a delay that doubles per
 * attempt up to a cap — slow for a guesser, never a lockout someone can put on another's account.
 * A key starts over after `quietMs` without attempts.
 */
export interface ThrottleLimits {
  quietMs: number;
  perAccount: number;
  perAddress: number;
  firstDelayMs: number;
  accountMaxDelayMs: number;
  addressMaxDelayMs: number;
}

export const LOGIN_LIMITS: ThrottleLimits = {
  quietMs: 30 * 60_000,
  perAccount: 5,
  perAddress: 20,
  firstDelayMs: 1_000,
  accountMaxDelayMs: 5 * 60_000,
  addressMaxDelayMs: 15 * 60_000
};

export interface ThrottleKey {
  key: string;
  free: number;
  maxDelayMs: number;
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Counts an attempt for `key` if it may be made now, in one statement: concurrent attempts queue on
 * the row, so however many arrive at once, no more than the free ones (then one per delay) get
 * through. The attempt counts before the password is checked; a success gives it back.
 */
export async function reserveAttempt(db: DbClient, key: ThrottleKey, limits: ThrottleLimits, now = new Date()): Promise<Reservation> {
  // n = this attempt's number in the key's run (1 after a quiet period); from the free-th on, the
  // next one waits firstDelay · 2^(n − free), capped.
  const n = "(CASE WHEN t.last_attempt_at < $3::timestamptz THEN 1 ELSE t.attempts + 1 END)";
  const delayed = (attempt: string) =>
    `CASE WHEN ${attempt} < $4::int THEN NULL ELSE $2::timestamptz + make_interval(secs => LEAST($6::float8, $5::float8 * power(2, ${attempt} - $4::int)) / 1000) END`;
  const rows = await db.$queryRawUnsafe<{ attempts: number }[]>(
    `INSERT INTO login_throttles AS t (key, attempts, last_attempt_at, next_attempt_at)
     VALUES ($1, 1, $2::timestamptz, ${delayed("1")})
     ON CONFLICT (key) DO UPDATE SET attempts = ${n}, last_attempt_at = $2::timestamptz, next_attempt_at = ${delayed(n)}
     WHERE t.last_attempt_at < $3::timestamptz OR t.next_attempt_at IS NULL OR t.next_attempt_at <= $2::timestamptz
     RETURNING t.attempts`,
    key.key,
    now,
    new Date(now.getTime() - limits.quietMs),
    key.free,
    limits.firstDelayMs,
    key.maxDelayMs
  );
  if (rows.length > 0) return { ok: true };
  const row = await db.loginThrottle.findUnique({ where: { key: key.key }, select: { nextAttemptAt: true } });
  return { ok: false, retryAfterMs: Math.max(1_000, (row?.nextAttemptAt?.getTime() ?? now.getTime()) - now.getTime()) };
}

/** Gives back an attempt that turned out to be a success (the address's; the account's row is deleted). */
export async function releaseAttempt(db: DbClient, key: ThrottleKey): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE login_throttles SET attempts = GREATEST(attempts - 1, 0),
       next_attempt_at = CASE WHEN attempts - 1 < $2::int THEN NULL ELSE next_attempt_at END
     WHERE key = $1`,
    key.key,
    key.free
  );
}

export async function clearAttempts(db: DbClient, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** Deletes keys that have been quiet long enough to start over; returns how many. */
export async function pruneLoginThrottles(db: DbClient, limits: ThrottleLimits = LOGIN_LIMITS, now = new Date()): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({
    where: {
      lastAttemptAt: { lt: new Date(now.getTime() - limits.quietMs) },
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lt: now } }]
    }
  });
  return count;
}

/**
 * A bound on password hashes computed at once in this process (each scrypt takes ~32 MiB and tens
 * of ms of a libuv thread): `concurrency` run, `queue` wait, the rest are refused at once.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency = 4,
    private readonly queue = 64
  ) {}

  /** Runs `work` when a slot is free; null (without running it) when too many are already waiting. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
