import { z } from "zod";
import { canControlCalls } from "@switchboard/auth";
import type { DbClient } from "../client/create-client";
import { forbidden } from "./errors";
import type { ActingViewer } from "./viewer";

export interface CallControlReadDeps {
  db: DbClient;
}

export const CALL_CONTROL_DENIED = "only admins and supervisors may hang up or transfer calls";

/** What hanging up or transferring a call needs to know of it. */
export interface ControllableCall {
  pbxCallId: string;
  state: string;
}

function assertCanControl(viewer: ActingViewer): void {
  if (!canControlCalls(viewer)) throw forbidden(CALL_CONTROL_DENIED);
}

/** A call of the viewer's organization they may hang up or transfer; null when there is none (or `callId` is no uuid). */
export async function findControllableCall({ db }: CallControlReadDeps, viewer: ActingViewer, callId: string): Promise<ControllableCall | null> {
  assertCanControl(viewer);
  if (!z.uuid().safeParse(callId).success) return null;
  const row = await db.call.findFirst({ where: { id: callId, organizationId: viewer.orgId }, select: { pbxCallId: true, state: true } });
  return row ? { pbxCallId: row.pbxCallId, state: String(row.state) } : null;
}

/** Whether the viewer's organization has an extension with this number, i.e. a call may be transferred to it. */
export async function isTransferTarget({ db }: CallControlReadDeps, viewer: ActingViewer, number: string): Promise<boolean> {
  assertCanControl(viewer);
  const row = await db.extension.findFirst({ where: { organizationId: viewer.orgId, number }, select: { id: true } });
  return row !== null;
}

/** Whether the viewer's organization has an enabled AMI connection that is connected right now. */
export async function isPbxConnected({ db }: CallControlReadDeps, viewer: ActingViewer): Promise<boolean> {
  assertCanControl(viewer);
  const row = await db.pbxConnection.findUnique({ where: { organizationId: viewer.orgId }, select: { enabled: true, status: true } });
  return row?.enabled === true && row.status === "connected";
}
