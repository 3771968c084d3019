export const INVALID_CREDENTIALS = "Invalid email or password";

/**
 * next-auth reports a failed credentials sign-in as "CredentialsSignin"; anything else it passes
 * through is a message the server chose for the user (e.g. a lockout with its remaining time).
 */
export function describeSignInError(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin" || error === "Callback" || error === "CredentialsSignIn") return INVALID_CREDENTIALS;
  if (error === "SessionRequired") return "Please sign in to continue.";
  if (error === "Configuration" || error === "AccessDenied" || error === "Verification" || error === "Default") return "Signing in failed. Please try again.";
  return error;
}
