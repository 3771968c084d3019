import "server-only";
import type { IssuedLink } from "@switchboard/contracts";
import type { IssuedToken } from "@switchboard/db";
import { getApiLogger } from "@/features/api/logger";
import { composeLinkMail, createMailer, linkPath, type Mailer } from "@switchboard/mail";
import { getRuntime } from "@/server/runtime";

let cached: Mailer | undefined;

function mailer(): Mailer | null {
  const { mail } = getRuntime().config;
  if (!mail) return null;
  cached ??= createMailer(mail.url, mail.from, (error) => getApiLogger().warn({ err: error }, "mailing a sign-in link failed"));
  return cached;
}

/**
 * Where links point: PUBLIC_URL when set, else the address this request came to (server.ts drops
 * client-sent X-Forwarded-* unless the proxy is trusted, so the host cannot be spoofed through them).
 */
export function linkBase(headers: Headers): string {
  const configured = getRuntime().config.publicUrl;
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto.split(",")[0]?.trim() || "http"}://${host.split(",")[0]?.trim()}`;
}

/** The link for an issued token, mailed to its owner when a mail server is configured; shown to its creator either way. */
export async function deliverLink(issued: IssuedToken, context: { base: string; organizationName: string; sender: string }): Promise<IssuedLink> {
  const url = `${context.base}${linkPath(issued)}`;
  const transport = mailer();
  const mailed = transport ? await transport.send(composeLinkMail(issued, url, context)) : false;
  return { url, expiresAt: issued.expiresAt.toISOString(), mailed };
}
