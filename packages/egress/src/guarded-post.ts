import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { EgressGuard, ResolvedAddress } from "./egress-guard";

export interface PostRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Whole request: connect, send, and read the answer. */
  timeoutMs: number;
  /** Bytes of the answer read at most; the rest is discarded and the connection closed. */
  maxResponseBytes: number;
}

export interface PostAnswer {
  status: number;
  /** The first bytes of the answer's body, as text. */
  body: string;
  /** The answer was longer than maxResponseBytes. */
  truncated: boolean;
  /** Location of a redirect, which is never followed. */
  location: string | null;
}

/** The URL a person may configure: http(s), a host, no credentials. Throws with the reason otherwise. */
export function parseDestinationUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("must be an absolute http:// or https:// URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("must be an absolute http:// or https:// URL");
  if (parsed.username || parsed.password) throw new Error("must not contain a user name or password");
  return parsed;
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/**
 * POSTs a body to a URL through the egress guard: the host is resolved and checked right before
 * connecting and the socket is pinned to that checked address (TLS still verifies the host name).
 * Redirects are reported, never followed; the answer is read up to a size cap; the whole exchange
 * has one deadline. Rejects with EgressRefusedError, a network error or a timeout error.
 */
export async function guardedPost(guard: EgressGuard, request: PostRequest): Promise<PostAnswer> {
  const url = parseDestinationUrl(request.url);
  const pinned = await guard.check(url.hostname, portOf(url));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostAnswer>((resolve, reject) => {
    const req = send(url, {
      method: "POST",
      headers: { ...request.headers, "content-length": Buffer.byteLength(request.body).toString() },
      lookup: pinnedLookup(pinned),
      // A fresh connection per delivery: a pooled socket could outlive the check that allowed it.
      agent: false,
      timeout: request.timeoutMs
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
    req.on("timeout", () => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)));
    req.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.on("response", (res) => {
      readCapped(res, request.maxResponseBytes).then(
        ({ body, truncated }) => {
          clearTimeout(deadline);
          req.destroy();
          const location = res.headers.location;
          resolve({ status: res.statusCode ?? 0, body, truncated, location: typeof location === "string" ? location : null });
        },
        (error: unknown) => {
          clearTimeout(deadline);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      );
    });
    req.end(request.body);
  });
}

/** A lookup that answers every name with the address the guard checked. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function readCapped(res: IncomingMessage, max: number): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const finish = () => resolve({ body: Buffer.concat(chunks).toString("utf8"), truncated });
    res.on("data", (chunk: Buffer) => {
      if (truncated) return;
      const room = max - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = max;
        truncated = true;
        res.destroy();
        finish();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    res.on("end", finish);
    res.on("close", finish);
    res.on("error", (error) => (truncated ? finish() : reject(error)));
  });
}
