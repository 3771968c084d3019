import "server-only";
import { readOrgSnapshot } from "@switchboard/db";
import { getRuntime } from "./runtime";

/**
 * Reads page data together with the organization's event seq in one REPEATABLE READ transaction
 * (see readOrgSnapshot): the console resumes live updates from exactly that seq.
 */
export async function readSnapshot<T>(orgId: string, read: () => Promise<T>): Promise<{ seq: number; data: T }> {
  return readOrgSnapshot(getRuntime().db, orgId, read);
}
