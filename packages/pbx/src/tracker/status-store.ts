import type { ExtensionStatus, TrunkStatus } from "@switchboard/db";
import type { StatusOp } from "./call-ops";
import type { ApplyOutcome, StoreDeps } from "./call-store";

type ExtensionOp = Extract<StatusOp, { op: "extension_status" }>;
type TrunkOp = Extract<StatusOp, { op: "trunk_status" }>;

export async function applyStatusOp(deps: StoreDeps, op: StatusOp): Promise<ApplyOutcome> {
  return op.op === "extension_status" ? applyExtensionStatus(deps, op) : applyTrunkStatus(deps, op);
}

/** What the op changes on the current row; nothing when it only repeats what is recorded. */
function extensionChanges(current: ExtensionStatus | null, op: ExtensionOp): Partial<ExtensionStatus> {
  const next: Partial<ExtensionStatus> = {};
  if (op.registration !== undefined && op.registration !== current?.registration) next.registration = op.registration;
  if (op.contact !== undefined && op.contact !== current?.contact) next.contact = op.contact;
  if (op.userAgent !== undefined && op.userAgent !== current?.userAgent) next.userAgent = op.userAgent;
  if (op.deviceState !== undefined && op.deviceState !== current?.deviceState) next.deviceState = op.deviceState;
  if (op.dnd !== undefined && op.dnd !== current?.dnd) next.dnd = op.dnd;
  // A phone with a call on it is reachable, whatever the last registration event said.
  const active = op.deviceState === "ringing" || op.deviceState === "in_use" || op.deviceState === "busy" || op.deviceState === "on_hold";
  if (active && op.registration === undefined && current?.registration !== "registered") next.registration = "registered";
  // An unregistered phone cannot take calls, whatever its last device state said.
  if ((op.registration === "unregistered" || op.registration === "unreachable") && op.deviceState === undefined && current?.deviceState !== "unavailable") {
    next.deviceState = "unavailable";
  }
  return next;
}

async function applyExtensionStatus(deps: StoreDeps, op: ExtensionOp): Promise<ApplyOutcome> {
  const { db, directory } = deps;
  const ext = op.extensionId ? directory.extensionById(op.extensionId) : await directory.extension(op.extension);
  if (!ext) {
    deps.stats.unmappedEndpoints++;
    return "unknown_endpoint";
  }
  return db.$transaction(async (tx) => {
    const current = await tx.extensionStatus.findUnique({ where: { extensionId: ext.id } });
    const changes = extensionChanges(current, op);
    if (current && Object.keys(changes).length === 0) return "noop" as const;
    await tx.extensionStatus.upsert({
      where: { extensionId: ext.id },
      create: {
        organizationId: directory.orgId,
        extensionId: ext.id,
        registration: op.registration ?? extensionChanges(null, op).registration ?? "unregistered",
        contact: op.contact ?? null,
        userAgent: op.userAgent ?? null,
        deviceState: op.deviceState ?? (op.registration === "registered" ? "idle" : "unavailable"),
        dnd: op.dnd ?? false,
        changedAt: op.at
      },
      update: { ...changes, changedAt: op.at }
    });
    return "applied" as const;
  });
}

async function applyTrunkStatus(deps: StoreDeps, op: TrunkOp): Promise<ApplyOutcome> {
  const { db, directory } = deps;
  const trunk = op.trunkId ? directory.trunkById(op.trunkId) : await directory.trunk(op.trunk);
  if (!trunk) {
    deps.stats.unmappedEndpoints++;
    return "unknown_endpoint";
  }
  return db.$transaction(async (tx) => {
    const current: TrunkStatus | null = await tx.trunkStatus.findUnique({ where: { trunkId: trunk.id } });
    const detail = op.detail ?? null;
    if (current && current.registration === op.registration && current.detail === detail) return "noop" as const;
    await tx.trunkStatus.upsert({
      where: { trunkId: trunk.id },
      create: { organizationId: directory.orgId, trunkId: trunk.id, registration: op.registration, detail, changedAt: op.at },
      update: { registration: op.registration, detail, changedAt: op.at }
    });
    return "applied" as const;
  });
}
