"use server";

import { redirect } from "next/navigation";
import { linkRedeemSchema } from "@switchboard/contracts";
import { parseInput, redeemLink } from "@switchboard/db";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

/** Uses an invitation or reset link (anyone holding it; the link is the credential), then off to sign in. */
export async function redeemLinkAction(input: unknown) {
  const result = await toActionResult(() => redeemLink(getRuntime().db, parseInput(linkRedeemSchema, input)));
  if (!result.ok) return result;
  redirect(`/login?notice=password-set&email=${encodeURIComponent(result.data.email)}`);
}
