import "server-only";
import { canReadCalls } from "@switchboard/auth";
import { findCallSummary, type CallSummary } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";

export type { CallSummary } from "@switchboard/db";

/** A call of the viewer's organization (staff who may see calls only); null when there is none. */
export async function loadCallSummary(viewer: Viewer, id: string): Promise<CallSummary | null> {
  if (!canReadCalls(viewer)) return null;
  return findCallSummary(getRuntime().services, viewer, id);
}
