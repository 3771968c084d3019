import { RULES } from "@switchboard/auth";
import { uuidSchema } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { enforce } from "./errors";
import type { ActingViewer } from "./viewer";

export interface CallControlReadDeps {
  db: DbClient;
}

/** What hanging up or transferring a call needs to know of it. */
export interface ControllableCall {
  pbxCallId: string;
  state: string;
}

/** A call of the viewer's organization they may hang up or transfer; null when there is none (a malformed id names none). */
export async function findControllableCall({ db }: CallControlReadDeps, viewer: ActingViewer, callId: string): Promise<ControllableCall | null> {
  enforce(RULES.controlCalls, viewer);
  if (!uuidSchema.safeParse(callId).success) return null;
  const row = await db.call.findFirst({ where: { id: callId, organizationId: viewer.orgId }, select: { pbxCallId: true, state: true } });
  return row ? { pbxCallId: row.pbxCallId, state: String(row.state) } : null;
}

/** Whether a call may be transferred to this number: an enabled extension of the viewer's organization ("missing"/"disabled" say why not). */
export async function checkTransferTarget({ db }: CallControlReadDeps, viewer: ActingViewer, number: string): Promise<"ok" | "missing" | "disabled"> {
  enforce(RULES.controlCalls, viewer);
  const row = await db.extension.findFirst({ where: { organizationId: viewer.orgId, number }, select: { enabled: true } });
  if (!row) return "missing";
  return row.enabled ? "ok" : "disabled";
}

/** Whether the viewer's organization has an enabled AMI connection that is connected right now. */
export async function isPbxConnected({ db }: CallControlReadDeps, viewer: ActingViewer): Promise<boolean> {
  enforce(RULES.controlCalls, viewer);
  const row = await db.pbxConnection.findUnique({ where: { organizationId: viewer.orgId }, select: { enabled: true, status: true } });
  return row?.enabled === true && row.status === "connected";
}
