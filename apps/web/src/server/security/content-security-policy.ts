/** Request header through which proxy.ts hands the page's nonce to the root layout. */
export const NONCE_HEADER = "x-nonce";

export interface CspInput {
  nonce: string;
  /** `next dev` evaluates code (React's dev tools, fast refresh). */
  dev: boolean;
  /** REALTIME_PUBLIC_URL: the Socket.IO node on another origin, reached over http(s) and ws(s). */
  realtimeUrl: string | undefined;
  /** The request arrived over TLS: ask the browser to upgrade any http:// subresource. */
  https: boolean;
}

/** A fresh unguessable nonce per response (128 bits). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function realtimeSources(url: string | undefined): string[] {
  if (!url) return [];
  const { protocol, host } = new URL(url);
  return [`${protocol}//${host}`, `${protocol === "https:" ? "wss:" : "ws:"}//${host}`];
}

/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (Next puts it on
 * its own scripts; 'strict-dynamic' lets them load their chunks). Styles allow inline: React style
 * attributes, charts and toasts set them at run time, and a style cannot run code. Socket.IO talks
 * to 'self' (embedded or behind the proxy) or to REALTIME_PUBLIC_URL.
 */
export function buildContentSecurityPolicy({ nonce, dev, realtimeUrl, https }: CspInput): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...realtimeSources(realtimeUrl)],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"]
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}
