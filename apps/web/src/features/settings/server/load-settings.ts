import "server-only";
import { canManageOrganization, canManageOwnApiTokens } from "@switchboard/auth";
import type { ApiTokenView, OrganizationView } from "@switchboard/contracts";
import { getOrganization, listApiTokens } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listTimeZones } from "@/features/setup/time-zones";
import { getRuntime } from "@/server/runtime";

export interface SettingsData {
  org: OrganizationView;
  tokens: ApiTokenView[];
  canHoldTokens: boolean;
  /** Admins manage the organization (name, time zone, ticket response targets); these are the zones to pick from. */
  zones: string[] | null;
}

export async function loadSettings(viewer: Viewer): Promise<SettingsData> {
  const { db } = getRuntime();
  const canHoldTokens = canManageOwnApiTokens(viewer);
  const [org, tokens] = await Promise.all([getOrganization(db, viewer.orgId), canHoldTokens ? listApiTokens(db, viewer) : Promise.resolve([])]);
  return { org, tokens, canHoldTokens, zones: canManageOrganization(viewer) ? listTimeZones() : null };
}
