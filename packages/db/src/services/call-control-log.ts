import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { actorOf, type ActingViewer } from "./viewer";

/** A hang-up or transfer someone asked for, and its outcome: announced as call_control.requested (the activity log shows it). */
export async function recordCallControl(
  db: DbClient,
  viewer: ActingViewer,
  entry: { callId: string; action: "hangup" | "transfer"; target: string | null; ok: boolean; error: string | null }
): Promise<void> {
  await withActor(actorOf(viewer), () =>
    db.callControlAction.create({
      data: {
        organizationId: viewer.orgId,
        callId: entry.callId,
        userId: viewer.id,
        kind: entry.action,
        target: entry.target,
        ok: entry.ok,
        error: entry.error
      }
    })
  );
}
