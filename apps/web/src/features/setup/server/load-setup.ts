import "server-only";
import { needsSetup } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { listTimeZones } from "../time-zones";

/** Setup is open only while no organization exists. */
export async function loadSetupPage(): Promise<{ open: boolean; zones: string[] }> {
  const open = await needsSetup(getRuntime().db);
  return { open, zones: open ? listTimeZones() : [] };
}
