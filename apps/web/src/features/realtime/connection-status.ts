import type { ConnectErrorCode } from "@switchboard/contracts";

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline" | "delayed";

/** What the header says; words, not just a colour. */
export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  delayed: "Live updates delayed"
};

/** Refusals that retrying cannot fix: the user has to sign in again. */
export const AUTH_CODES: ReadonlySet<ConnectErrorCode> = new Set([
  "no_session",
  "session_expired",
  "invalid_session",
  "session_revoked",
  "account_deactivated"
]);

/** Why the console sends its user to sign in; the login page explains each (see sign-in-error.ts). */
export type AuthFailure = "expired" | "signed_out" | "deactivated";

export function failureOf(code: ConnectErrorCode | undefined): AuthFailure {
  if (code === "session_revoked") return "signed_out";
  if (code === "account_deactivated") return "deactivated";
  return "expired";
}

/**
 * No connection to the realtime server: what the console shows may be out of date, and nothing
 * that needs the server right now (call control) can work. "delayed" is connected: only the
 * server's own live feed lags, writes still go through.
 */
export function isDisconnected(status: ConnectionStatus): boolean {
  return status === "offline" || status === "reconnecting";
}

/** "as of 14:03:12": the moment the shown data was last known current, in the browser's time. */
export function asOfLabel(lostAt: number): string {
  return `as of ${new Date(lostAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })}`;
}

/** A refused handshake for these reasons will not succeed by retrying: the user must sign in. */
export function isAuthFailure(message: string): boolean {
  return /session|unauthori[sz]ed|authenticat|forbidden|token/i.test(message);
}

/** Exponential backoff with jitter, capped: used when socket.io stops retrying on its own. */
export function backoffDelay(attempt: number, baseMs = 1000, maxMs = 10_000, jitter = 0.5, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  const spread = exponential * jitter;
  return Math.round(Math.min(maxMs, exponential - spread + random() * 2 * spread));
}
