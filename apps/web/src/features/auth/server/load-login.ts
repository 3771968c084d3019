import "server-only";
import { needsSetup } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";

/** What the sign-in page needs before it renders: whether setup comes first, and whether to show the demo logins. */
export async function loadLoginPage(): Promise<{ mustSetUp: boolean; demo: boolean }> {
  const { config, db } = getRuntime();
  // A fresh installation without the demo has nobody to sign in as yet.
  return { mustSetUp: !config.seedDemo && (await needsSetup(db)), demo: config.seedDemo };
}
