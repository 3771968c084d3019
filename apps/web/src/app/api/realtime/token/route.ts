import { issueRealtimeToken } from "@/features/realtime/server/issue-realtime-token";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET() {
  const result = await issueRealtimeToken();
  if (!result.ok) {
    const message = result.reason === "expired" ? "session expired" : result.reason === "missing" ? "not signed in" : "invalid session";
    return Response.json({ error: { code: "unauthorized", message } }, { status: 401, headers: NO_STORE });
  }
  return Response.json({ token: result.token, url: result.url }, { headers: NO_STORE });
}
