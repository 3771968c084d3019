import "server-only";
import { canManageOwnApiTokens } from "@switchboard/auth";
import type { ApiTokenView } from "@switchboard/contracts";
import { getOrganization, listApiTokens } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";

export interface SettingsData {
  orgName: string;
  tokens: ApiTokenView[];
  canHoldTokens: boolean;
}

export async function loadSettings(viewer: Viewer): Promise<SettingsData> {
  const { db } = getRuntime();
  const canHoldTokens = canManageOwnApiTokens(viewer);
  const [org, tokens] = await Promise.all([getOrganization(db, viewer.orgId), canHoldTokens ? listApiTokens(db, viewer) : Promise.resolve([])]);
  return { orgName: org.name, tokens, canHoldTokens };
}
