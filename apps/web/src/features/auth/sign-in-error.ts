export const INVALID_CREDENTIALS = "Invalid email or password";

/**
 * What the login page may say. next-auth carries a failed sign-in to the page as an error code (in
 * the `?error=` query or the signIn() result); only these codes are ever shown, so a crafted link
 * cannot make the page display text of its choosing. `RateLimited:<seconds>` carries the wait.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: INVALID_CREDENTIALS,
  CredentialsSignIn: INVALID_CREDENTIALS,
  Callback: INVALID_CREDENTIALS,
  Deactivated: "This account is deactivated. Ask an admin of your organization to reactivate it.",
  Busy: "Signing in is busy right now. Try again in a few seconds.",
  Unavailable: "Signing in is unavailable right now. Please try again shortly.",
  SessionRequired: "Please sign in to continue.",
  SignedOut: "You were signed out everywhere. Sign in again to continue.",
  AccountDeactivated: "Your account was deactivated.",
  Configuration: "Signing in failed. Please try again.",
  AccessDenied: "Signing in failed. Please try again.",
  Verification: "Signing in failed. Please try again.",
  Default: "Signing in failed. Please try again."
};

/** The error code for a throttled sign-in, carrying how long to wait. */
export function rateLimitedCode(retryAfterSeconds: number): string {
  return `RateLimited:${Math.max(1, Math.round(retryAfterSeconds))}`;
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function describeSignInError(error: string | null | undefined): string | null {
  if (!error) return null;
  const wait = /^RateLimited:(\d{1,6})$/.exec(error);
  if (wait) return `Too many sign-in attempts. Try again in ${waitText(Number(wait[1]))}.`;
  return Object.hasOwn(MESSAGES, error) ? (MESSAGES[error] ?? null) : (MESSAGES.Default ?? null);
}

/** Notices the login page shows after another page sent the person there (`?notice=`). */
const NOTICES: Record<string, string> = {
  "password-set": "Your password is set. Sign in with it.",
  "setup-done": "Your organization is ready. Sign in as its first admin.",
  "password-changed": "Your password was changed. Sign in with the new one."
};

export function describeLoginNotice(notice: string | null | undefined): string | null {
  return notice && Object.hasOwn(NOTICES, notice) ? (NOTICES[notice] ?? null) : null;
}
