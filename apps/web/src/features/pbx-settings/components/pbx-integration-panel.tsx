import { canManagePbxIntegration } from "@switchboard/auth";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadPbxSettings } from "../server/load-pbx-settings";
import { PbxSettingsView } from "./pbx-settings-view";

/** The /settings section for the PBX integration; nothing for anyone but admins. */
export async function PbxIntegrationPanel({ viewer }: { viewer: Viewer }) {
  if (!canManagePbxIntegration(viewer)) return null;
  const { seq, integration } = await loadPbxSettings(viewer);
  return <PbxSettingsView integration={integration} snapshotSeq={seq} />;
}
