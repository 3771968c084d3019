import "server-only";
import type { PbxIntegrationView } from "@switchboard/contracts";
import { getPbxIntegration } from "@switchboard/pbx";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

/** The organization's PBX integration (admins only; the service enforces it) at an event seq, so its status can be kept live. */
export async function loadPbxSettings(viewer: Viewer): Promise<{ seq: number; integration: PbxIntegrationView }> {
  const { seq, data } = await readSnapshot(viewer.orgId, () => getPbxIntegration(getRuntime().services, viewer));
  return { seq, integration: data };
}
