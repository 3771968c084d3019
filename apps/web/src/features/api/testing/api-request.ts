import { NextRequest } from "next/server";
import type { Auth } from "./api-test-env";

export interface SentResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; `null` for an empty one. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
}

/** A real NextRequest, as Next hands it to a route handler. */
export function apiRequest(
  method: string,
  path: string,
  options: { auth?: Auth; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}
): NextRequest {
  const headers = new Headers(options.headers);
  if (options.auth && "token" in options.auth) headers.set("authorization", `Bearer ${options.auth.token}`);
  if (options.auth && "cookie" in options.auth) headers.set("cookie", options.auth.cookie);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  // Node's fetch needs `duplex: "half"` to send a stream as a request body.
  const init = { method, headers, body, ...(body instanceof ReadableStream ? { duplex: "half" as const } : {}) };
  return new NextRequest(new URL(path, "http://localhost:3000"), init);
}

export async function readResponse(response: Response): Promise<SentResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

export function idContext(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) };
}
