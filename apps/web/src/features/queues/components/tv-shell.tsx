import type { ReactNode } from "react";
import { currentSeq } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ConsoleRealtimeProvider } from "@/features/shell/components/console-realtime-provider";
import { getRuntime } from "@/server/runtime";

/** Screens for a TV across the room: signed in and live like the console, without its header and navigation. */
export async function TvShell({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const { config, db } = getRuntime();
  const seq = await currentSeq(db, viewer.orgId);
  return (
    <ConsoleRealtimeProvider userId={viewer.id} initialSeq={seq} realtimeUrl={config.realtimePublicUrl ?? null}>
      {children}
    </ConsoleRealtimeProvider>
  );
}
