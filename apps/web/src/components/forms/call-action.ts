import type { ActionError } from "@/lib/action-result";

/** Why a request got no answer, in words a person can act on; what they typed is always kept. */
function unreachableError(online: boolean): ActionError {
  return {
    code: "unreachable",
    message: online
      ? "Not saved: the server could not be reached. What you typed is kept — try again in a moment."
      : "Not saved: you are offline. What you typed is kept — save again once the connection is back."
  };
}

/**
 * Calls a server action from the browser. A call that never gets an answer (offline, network
 * error, server gone) rejects instead of resolving; it becomes an `unreachable` error here, so a
 * form always says what happened instead of doing nothing.
 */
export async function callAction<R extends { ok: boolean }>(run: () => Promise<R>): Promise<R | { ok: false; error: ActionError }> {
  if (typeof navigator !== "undefined" && !navigator.onLine) return { ok: false, error: unreachableError(false) };
  try {
    return await run();
  } catch {
    return { ok: false, error: unreachableError(typeof navigator === "undefined" || navigator.onLine) };
  }
}
