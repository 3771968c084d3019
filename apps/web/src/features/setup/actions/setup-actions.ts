"use server";

import { redirect } from "next/navigation";
import { organizationSetupSchema } from "@switchboard/contracts";
import { parseInput, setUpFirstOrganization } from "@switchboard/db";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

/** First run: creates the organization and its first admin (refused once one exists), then off to sign in. */
export async function setUpAction(input: unknown) {
  const result = await toActionResult(() => setUpFirstOrganization(getRuntime().db, parseInput(organizationSetupSchema, input)));
  if (!result.ok) return result;
  redirect(`/login?notice=setup-done&email=${encodeURIComponent(result.data.email)}`);
}
