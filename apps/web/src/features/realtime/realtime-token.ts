/**
 * A short-lived token for a realtime node on another origin (it cannot read our cookie), fetched
 * for every connection attempt. `onSignedOut`: the session is gone (the fetch then fails too).
 */
export async function fetchRealtimeToken(onSignedOut: () => void): Promise<string> {
  const response = await fetch("/api/realtime/token", { cache: "no-store", credentials: "same-origin" });
  if (response.status === 401) {
    onSignedOut();
    throw new Error("session expired");
  }
  if (!response.ok) throw new Error(`realtime token: HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return token;
}
