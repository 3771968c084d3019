import "server-only";
import { linkTokenSchema } from "@switchboard/contracts";
import { describeLink, LINK_REFUSALS, type LinkInfo } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";

export type LinkPage = { ok: true; token: string; info: LinkInfo & { email: string } } | { ok: false; refusal: string };

/** What a link's page shows: the form for a link that works for this page, else why it does not. */
export async function loadLinkPage(token: string, purpose: "invitation" | "password_reset"): Promise<LinkPage> {
  const shape = linkTokenSchema.safeParse(token);
  const info = shape.success ? await describeLink(getRuntime().db, shape.data) : null;
  if (!shape.success || !info || info.purpose !== purpose || !info.email) return { ok: false, refusal: LINK_REFUSALS.unknown };
  if (info.state !== "valid") return { ok: false, refusal: LINK_REFUSALS[info.state] };
  return { ok: true, token: shape.data, info: { ...info, email: info.email } };
}
