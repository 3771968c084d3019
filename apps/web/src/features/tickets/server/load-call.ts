import "server-only";
import { z } from "zod";
import { canReadCalls } from "@switchboard/auth";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";

/** What a ticket shows of the call it came from, and what a new ticket is prefilled with. */
export interface CallSummary {
  id: string;
  direction: string;
  fromNumber: string;
  fromName: string | null;
  toNumber: string;
  startedAt: string;
}

/** A call of the viewer's organization (staff who may see calls only); null when there is none. */
export async function loadCallSummary(viewer: Viewer, id: string): Promise<CallSummary | null> {
  if (!canReadCalls(viewer) || !z.uuid().safeParse(id).success) return null;
  const row = await getRuntime().db.call.findFirst({
    where: { id, organizationId: viewer.orgId },
    select: { id: true, direction: true, fromNumber: true, fromName: true, toNumber: true, startedAt: true }
  });
  return row ? { ...row, direction: String(row.direction), startedAt: row.startedAt.toISOString() } : null;
}
