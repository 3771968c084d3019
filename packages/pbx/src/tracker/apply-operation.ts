import type { CallOp, StatusOp } from "./call-ops";
import { applyCallOp, type ApplyOutcome, type StoreDeps } from "./call-store";
import { isQueueOp, type QueueOp } from "./queue-ops";
import { applyQueueOp } from "./queue-store";
import { applyStatusOp } from "./status-store";

/** Any tracker operation, applied by the store that owns it. */
export type Operation = CallOp | StatusOp | QueueOp;

export function applyOperation(deps: StoreDeps, op: Operation): Promise<ApplyOutcome> {
  if (isQueueOp(op)) return applyQueueOp(deps, op);
  return op.op === "extension_status" || op.op === "trunk_status" ? applyStatusOp(deps, op) : applyCallOp(deps, op);
}
